import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initRepository, TEST_KDF } from "../../core/repository";
import { createFakeAccounts } from "../../server/http/test-support/fake-accounts";
import { startTestDaemon, type TestDaemon } from "../../server/http/test-support/start-test-daemon";
import { tempDir } from "../test-support/temp-dir";
import { createRemoteDriver } from "./create-remote-driver";

// Gap found in issue 4: the protocol promised existence checks in batches, but check asked the
// server about each pack with its own HEAD.
describe("existence checks in batches", () => {
  let daemon: TestDaemon;
  const requests: string[] = [];
  const driver = () => createRemoteDriver({ url: daemon.url, account: "alice", password: "alice-pw", ca: daemon.ca, onResponse: (e) => requests.push(`${e.method} ${e.status}`) });

  beforeAll(async () => {
    const root = await tempDir("stat-many");
    const accounts = await createFakeAccounts(path.join(root, "device"), [{ login: "alice", password: "alice-pw" }]);
    daemon = await startTestDaemon(root, accounts);
  }, 60_000);
  afterAll(() => daemon.shutdown());

  it("check stats every pack with one request, not one HEAD per pack", async () => {
    const remote = driver();
    const repo = await initRepository(remote, { passphrase: "pw", kdf: TEST_KDF, packSize: 64 * 1024 });
    for (let i = 0; i < 12; i++) await repo.saveBlob("data", randomBytes(40 * 1024));
    await repo.flush();
    requests.length = 0;
    const report = await repo.check({ readData: false });
    expect(report.ok).toBe(true);
    expect(report.packs).toBeGreaterThanOrEqual(6);
    expect(requests.filter((r) => r.startsWith("HEAD"))).toEqual([]);
    expect(requests.filter((r) => r.startsWith("POST"))).toEqual(["POST 200"]);
    await repo.close();
    await remote.finishSession(null);
  });

  it("answers in the order asked, null for what is absent, and refuses a non-object name", async () => {
    const remote = driver();
    const bytes = Buffer.from("config bytes");
    await remote.write("config", bytes);
    const absent = `data/00/${"0".repeat(64)}`;
    const stats = await remote.statMany([absent, "config", absent]);
    expect(stats.map((s) => s?.size ?? null)).toEqual([null, bytes.length, null]);
    expect(stats[1]?.mtime).toBeInstanceOf(Date);
    await expect(remote.statMany(["config", "../etc/passwd"])).rejects.toThrow(/not a repository object name/);
    // The driver splits long lists into batches the server accepts.
    const many = await remote.statMany(Array.from({ length: 2500 }, (_, i) => (i === 2400 ? "config" : absent)));
    expect(many.filter((s) => s !== null)).toHaveLength(1);
    expect(many[2400]?.size).toBe(bytes.length);
    await remote.finishSession(null);
  });
});
