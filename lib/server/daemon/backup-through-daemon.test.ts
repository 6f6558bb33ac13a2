import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeTree, treeDifferences } from "../../client/test-support/compare-trees";
import { makeSourceTree } from "../../client/test-support/make-source-tree";
import { cliEnv, jsonLines, spawnCli } from "../../client/test-support/spawn-cli";
import { tempDir } from "../../client/test-support/temp-dir";
import { createFakeAccounts } from "../http/test-support/fake-accounts";
import { startTestDaemon, type TestDaemon } from "../http/test-support/start-test-daemon";

// The real CLI (`strongroom … --server`) against a real daemon over HTTPS, end to end.
describe("backup and restore through the daemon", () => {
  let root: string;
  let src: string;
  let daemon: TestDaemon;
  let env: Record<string, string>;
  let rootOf: (login: string) => string;

  beforeAll(async () => {
    root = await tempDir("daemon-e2e");
    src = path.join(root, "src");
    await makeSourceTree(src);
    const accounts = await createFakeAccounts(path.join(root, "device"), [
      { login: "alice", password: "alice-pw" },
      { login: "carol", password: "carol-pw", quotaBytes: 20_000 },
      { login: "mallory", password: "mallory-pw", status: "suspended" },
    ]);
    rootOf = accounts.rootOf;
    daemon = await startTestDaemon(root, accounts);
    env = cliEnv("", { STRONGROOM_ACCOUNT_PASSWORD: "alice-pw", STRONGROOM_SERVER_CA: daemon.caFile });
    delete env.STRONGROOM_REPO;
  }, 60_000);

  afterAll(() => daemon.shutdown());

  const server = () => ["--server", daemon.url, "--account", "alice"];

  it("inits, backs up and restores byte for byte, and the server keeps the activity", async () => {
    const init = await spawnCli(["init", ...server()], env);
    expect(init.stderr).toBe("");
    expect(init.code).toBe(0);
    const backup = await spawnCli(["backup", "--json", ...server(), src], env);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    const summary = jsonLines(backup.stdout).find((l) => l.message_type === "summary");
    expect(summary?.snapshot_id).toMatch(/^[0-9a-f]{64}$/);

    const target = path.join(root, "restored");
    const restore = await spawnCli(["restore", "latest", "--target", target, ...server()], env);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(treeDifferences(await describeTree(src), await describeTree(path.join(target, src)))).toEqual([]);

    // The repository is in the account's directory on the device, checkable with --repo there.
    const check = await spawnCli(["check", "--read-data"], { ...env, STRONGROOM_REPO: rootOf("alice") });
    expect(check.code).toBe(0);
    // Both activities were handed to the server and queued durably in its outbox.
    const pending = path.join(daemon.stateDir, "outbox", "pending");
    const queued = await Promise.all((await fs.readdir(pending)).map(async (n) => (JSON.parse(await fs.readFile(path.join(pending, n), "utf8")) as { item: { accountId: number; record: { kind: string; status: string } } }).item));
    expect(queued.map((q) => [q.accountId, q.record.kind, q.record.status]).sort()).toEqual([
      [1, "backup", "success"],
      [1, "restore", "success"],
    ]);
    // No session is left open.
    const metrics = await (await fetchText(`${daemon.url}/metrics`, daemon.ca)).text;
    expect(metrics).toMatch(/strongroom_sessions_active 0/);
  }, 60_000);

  it("stops a backup over quota with the server's message, and writes no snapshot", async () => {
    const as = { ...env, STRONGROOM_ACCOUNT_PASSWORD: "carol-pw" };
    const carol = ["--server", daemon.url, "--account", "carol"];
    expect((await spawnCli(["init", ...carol], as)).code).toBe(0);
    const run = await spawnCli(["backup", ...carol, src], as);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/storage quota exceeded/);
    expect(await fs.readdir(path.join(rootOf("carol"), "snapshots")).catch(() => [])).toEqual([]);
  });

  it("refuses a suspended account with a clear message", async () => {
    const run = await spawnCli(["backup", "--server", daemon.url, "--account", "mallory", src], { ...env, STRONGROOM_ACCOUNT_PASSWORD: "mallory-pw" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/this account is suspended: contact your backup provider/);
  });

  it("fails clearly with a wrong account password", async () => {
    const run = await spawnCli(["snapshots", ...server()], { ...env, STRONGROOM_ACCOUNT_PASSWORD: "nope" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/wrong account name or password/);
  });
});

async function fetchText(url: string, ca: Buffer): Promise<{ status: number; text: string }> {
  const https = await import("node:https");
  return new Promise((resolve, reject) => {
    https.get(url, { ca }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    }).on("error", reject);
  });
}
