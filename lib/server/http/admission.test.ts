import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../client/test-support/temp-dir";
import { createRemoteDriver } from "../../client/remote";
import { createFakeAccounts } from "./test-support/fake-accounts";
import { httpText, rawHttps } from "./test-support/raw-https";
import { startTestDaemon, type TestDaemon } from "./test-support/start-test-daemon";

// Admission control: at the session limit new sessions get 503 + Retry-After, and the client's
// remote driver waits and retries on its own until a slot frees.
describe("session limit", () => {
  let daemon: TestDaemon;

  beforeAll(async () => {
    const root = await tempDir("admission");
    const accounts = await createFakeAccounts(path.join(root, "device"), [
      { login: "alice", password: "alice-pw" },
      { login: "bob", password: "bob-pw" },
    ]);
    daemon = await startTestDaemon(root, accounts, { maxSessions: 1, retryAfterSeconds: 1 });
  }, 60_000);

  afterAll(() => daemon.shutdown());

  it("answers 503 with Retry-After above the limit, and a retrying client gets in once a slot frees", async () => {
    const open = await rawHttps(daemon.port, daemon.ca, httpText("POST", "/v1/sessions", { login: "alice", password: "alice-pw", body: JSON.stringify({ kind: "backup" }) }));
    expect(open.status).toBe(201);
    const alice = (JSON.parse(open.body) as { id: string }).id;

    const refused = await rawHttps(daemon.port, daemon.ca, httpText("POST", "/v1/sessions", { login: "bob", password: "bob-pw", body: JSON.stringify({ kind: "backup" }) }));
    expect(refused.status).toBe(503);
    expect(refused.headers).toMatch(/retry-after: 1/i);
    expect(refused.body).toMatch(/session limit/);

    const waits: number[] = [];
    const bob = createRemoteDriver({
      url: daemon.url,
      account: "bob",
      password: "bob-pw",
      ca: daemon.ca,
      sleep: (ms) => {
        waits.push(ms);
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
    });
    const connected = bob.connect();
    setTimeout(() => void rawHttps(daemon.port, daemon.ca, httpText("POST", `/v1/sessions/${alice}/finish`, { login: "alice", password: "alice-pw", body: "{}" })), 1_500);
    await connected;
    expect(waits.length).toBeGreaterThanOrEqual(1);
    // Retry-After 1 s plus up to 50 % jitter.
    expect(waits.every((ms) => ms >= 1000 && ms <= 1500)).toBe(true);
    await bob.write("locks/0123456789abcdef0123456789abcdef", Buffer.from("{}"));
    expect((await bob.read("locks/0123456789abcdef0123456789abcdef")).toString()).toBe("{}");
    await bob.finishSession(null);
  });

  it("gives up after its bounded retries with the server's message", async () => {
    const open = await rawHttps(daemon.port, daemon.ca, httpText("POST", "/v1/sessions", { login: "alice", password: "alice-pw", body: JSON.stringify({ kind: "restore" }) }));
    expect(open.status).toBe(201);
    const bob = createRemoteDriver({ url: daemon.url, account: "bob", password: "bob-pw", ca: daemon.ca, retry: { attempts: 2 }, sleep: () => Promise.resolve() });
    await expect(bob.connect()).rejects.toThrow(/session limit/);
    await bob.finishSession(null);
  });
});
