import type { IncomingHttpHeaders } from "node:http";
import https from "node:https";
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
  const calls = { authenticate: 0, refresh: 0 };

  beforeAll(async () => {
    const root = await tempDir("admission");
    const fake = await createFakeAccounts(path.join(root, "device"), [
      { login: "alice", password: "alice-pw" },
      { login: "bob", password: "bob-pw" },
    ]);
    const accounts = {
      ...fake,
      authenticate: (login: string, password: string) => {
        calls.authenticate += 1;
        return fake.authenticate(login, password);
      },
      refresh: (login: string) => {
        calls.refresh += 1;
        return fake.refresh(login);
      },
    };
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

  it("keeps waiting past ten refusals, and gives up with the server's message once its wait budget is spent", async () => {
    const open = await rawHttps(daemon.port, daemon.ca, httpText("POST", "/v1/sessions", { login: "alice", password: "alice-pw", body: JSON.stringify({ kind: "restore" }) }));
    expect(open.status).toBe(201);
    const waits: number[] = [];
    // The sleep only records: the budget counts the waits asked for (1-1.5 s each), not the clock.
    const bob = createRemoteDriver({ url: daemon.url, account: "bob", password: "bob-pw", ca: daemon.ca, retry: { busyWaitMs: 20_000 }, sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    } });
    await expect(bob.connect()).rejects.toThrow(/session limit/);
    // Before, the tenth refusal was final, however short the waits: a busy minute failed backups.
    expect(waits.length).toBeGreaterThan(10);
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(20_000);
    await bob.finishSession(null);
  });

  it("refuses at the limit before checking credentials, and keeps the connection for the retry", async () => {
    // alice's restore session of the test before still holds the one slot.
    const before = { ...calls };
    const answer = await postSession(daemon, "bob", "not bob's password");
    // Before, a refused open cost a full credential check (argon2id, MySQL) and answered 401 here.
    expect(answer.status).toBe(503);
    expect(answer.headers.connection).not.toBe("close");
    expect(calls).toEqual(before);
  });
});

/** One session open over a keep-alive connection, as the remote driver sends it. */
function postSession(d: TestDaemon, login: string, password: string): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  const agent = new https.Agent({ keepAlive: true, ca: d.ca });
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ kind: "backup" });
    const req = https.request(`${d.url}/v1/sessions`, { method: "POST", agent, headers: { authorization: `Basic ${Buffer.from(`${login}:${password}`).toString("base64")}`, "content-length": String(body.length) } }, (res) => {
      res.resume();
      res.on("end", () => {
        agent.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}
