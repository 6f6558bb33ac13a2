import { describe, expect, it } from "vitest";
import { startActivity } from "../activity/start-activity";
import type { ActivityDelivery } from "../outbox/activity-delivery";
import { openOutbox } from "../outbox/outbox";
import type { StorageDriver } from "../storage/driver";
import { createMemoryDriver } from "../storage/memory-driver";
import { createOutboxSink } from "./outbox-sink";
import { recoverInterruptedSessions } from "./recover-interrupted-sessions";
import { createSessionJournal } from "./session-journal";

const header = (id: string, startedAt: string) => ({ id, kind: "backup" as const, startedAt, host: "h", clientVersion: null });
const now = () => new Date("2025-05-01T10:00:30.000Z");

async function readAll(outbox: Awaited<ReturnType<typeof openOutbox<ActivityDelivery>>>) {
  return Promise.all((await outbox.pending()).map((id) => outbox.read(id)));
}

describe("session journal", () => {
  it("lists leftover sessions oldest first and skips unreadable files", async () => {
    const driver = createMemoryDriver();
    const journal = createSessionJournal(driver);
    await journal.begin({ header: header("b", "2025-05-01T10:00:02.000Z"), accountId: 2, serverId: 9 });
    await journal.begin({ header: header("a/../weird id", "2025-05-01T10:00:01.000Z"), accountId: 1, serverId: 9 });
    await journal.begin({ header: header("c", "2025-05-01T10:00:03.000Z"), accountId: 3, serverId: 9 });
    await journal.end("c");
    await driver.write("running/garbage.json", Buffer.from("{"));
    const unreadable: string[] = [];
    const sessions = await journal.list((key) => unreadable.push(key));
    expect(sessions.map((s) => [s.header.id, s.accountId])).toEqual([["a/../weird id", 1], ["b", 2]]);
    expect(unreadable).toEqual(["running/garbage.json"]);
  });
});

describe("recoverInterruptedSessions", () => {
  it("turns each leftover session into one interrupted activity and clears the journal", async () => {
    const journal = createSessionJournal(createMemoryDriver());
    const outbox = await openOutbox<ActivityDelivery>({ driver: createMemoryDriver() });
    await journal.begin({ header: header("s1", "2025-05-01T10:00:00.000Z"), accountId: 5, serverId: null });
    expect(await recoverInterruptedSessions({ journal, outbox, now })).toHaveLength(1);
    expect(await recoverInterruptedSessions({ journal, outbox, now })).toHaveLength(0);
    const [delivery, ...rest] = await readAll(outbox);
    expect(rest).toEqual([]);
    expect(delivery).toMatchObject({ accountId: 5, serverId: null, record: { id: "s1", status: "interrupted", endedAt: "2025-05-01T10:00:30.000Z", errorCount: 1, snapshotId: null } });
    expect(delivery?.record.figures.durationMs).toBe(30_000);
    expect(delivery?.record.summary).toMatch(/stopped while this backup was running/);
  });

  it("appends the same record again after a crash between append and clear (delivery dedupes it)", async () => {
    const inner = createMemoryDriver();
    let crash = true;
    const driver: StorageDriver = { ...inner, delete: (key) => (crash ? Promise.reject(new Error("killed")) : inner.delete(key)) };
    const journal = createSessionJournal(driver);
    const outbox = await openOutbox<ActivityDelivery>({ driver: createMemoryDriver() });
    await journal.begin({ header: header("s1", "2025-05-01T10:00:00.000Z"), accountId: 5, serverId: null });
    await expect(recoverInterruptedSessions({ journal, outbox, now })).rejects.toThrow("killed");
    crash = false;
    await recoverInterruptedSessions({ journal, outbox, now });
    expect((await readAll(outbox)).map((d) => d.record.id)).toEqual(["s1", "s1"]);
    expect(await journal.list()).toEqual([]);
  });
});

describe("createOutboxSink", () => {
  it("journals a session while it runs and swaps it for the outbox item when it finishes", async () => {
    const journal = createSessionJournal(createMemoryDriver());
    const outbox = await openOutbox<ActivityDelivery>({ driver: createMemoryDriver() });
    const woken: string[] = [];
    const sink = createOutboxSink({ outbox, journal, accountId: 4, serverId: 2, onAppended: (id) => woken.push(id) });
    const activity = await startActivity("restore", sink, { id: "r1" });
    expect((await journal.list()).map((s) => s.header.id)).toEqual(["r1"]);
    activity.entry("warning", "/etc/x", "skipped");
    await activity.finish("warning", { files: 1, bytesScanned: 1, bytesNew: 0, bytesStored: 0, dedupRatio: 0 });
    expect(await journal.list()).toEqual([]);
    const [delivery] = await readAll(outbox);
    expect(delivery).toMatchObject({ accountId: 4, serverId: 2, record: { id: "r1", status: "warning", entries: [{ path: "/etc/x" }] } });
    expect(woken).toEqual(await outbox.pending());
  });
});
