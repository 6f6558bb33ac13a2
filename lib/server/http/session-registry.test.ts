import { describe, expect, it } from "vitest";
import type { ActivityHeader } from "../../core/activity/activity";
import { createSessionRegistry, type Session } from "./session-registry";

function registry(maxSessions = 3) {
  const finished: [Session, unknown][] = [];
  let now = 0;
  const r = createSessionRegistry({
    maxSessions,
    idleTimeoutMs: 1000,
    retryAfterSeconds: 2,
    now: () => now,
    activities: { started: () => Promise.resolve(), finished: (s, rec) => Promise.resolve(void finished.push([s, rec])) },
  });
  return { r, finished, advance: (ms: number) => (now += ms) };
}

const header: ActivityHeader = { id: "h1", kind: "backup", startedAt: "2026-01-01T00:00:00.000Z", host: null, clientVersion: null };

describe("session registry", () => {
  it("refuses conflicting sessions of one account, not of others", async () => {
    const { r } = registry();
    await r.open(1, "backup", header);
    await expect(r.open(1, "backup", null)).rejects.toMatchObject({ status: 409 });
    await expect(r.open(1, "prune", null)).rejects.toMatchObject({ status: 409 });
    await r.open(1, "restore", null);
    await r.open(2, "backup", null);
  });

  it("answers 503 with Retry-After at the limit, and while draining", async () => {
    const { r } = registry(1);
    await r.open(1, "restore", null);
    await expect(r.open(2, "restore", null)).rejects.toMatchObject({ status: 503, headers: { "retry-after": "2" } });
    r.drain();
    await expect(r.open(3, "restore", null)).rejects.toMatchObject({ code: "draining" });
  });

  it("ends idle sessions without a record (reported interrupted), and forgets them", async () => {
    const { r, finished, advance } = registry();
    const s = await r.open(1, "backup", header);
    advance(500);
    r.touch(1, s.id);
    advance(900);
    expect(await r.expireIdle()).toBe(0);
    advance(200);
    expect(await r.expireIdle()).toBe(1);
    expect(finished).toEqual([[s, null]]);
    expect(() => r.touch(1, s.id)).toThrow(/unknown or finished session/);
    expect(r.active).toBe(0);
  });

  it("does not let one account use another's session", async () => {
    const { r } = registry();
    const s = await r.open(1, "backup", null);
    expect(() => r.touch(2, s.id)).toThrow(/unknown or finished session/);
  });
});

describe("session registry in-flight requests", () => {
  it("never expires a session while one of its requests runs", async () => {
    const { r, advance } = registry();
    const s = await r.open(1, "backup", null);
    let release = () => {};
    const upload = r.within(1, s.id, () => new Promise<void>((resolve) => (release = resolve)));
    advance(5_000);
    expect(await r.expireIdle()).toBe(0);
    release();
    await upload;
    expect(r.active).toBe(1);
  });
});
