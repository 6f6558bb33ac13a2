import type { ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openTestDatabase } from "../../../test/db";
import { describeTree, treeDifferences } from "../../client/test-support/compare-trees";
import { makeSourceTree } from "../../client/test-support/make-source-tree";
import { cliEnv, spawnCli, startCli } from "../../client/test-support/spawn-cli";
import { initTestRepository } from "../../client/test-support/test-repository";
import { tempDir } from "../../client/test-support/temp-dir";
import { repositoryRoot } from "../accounts/account-paths";
import { password } from "../accounts/test-support/account-world";
import { killDaemon, startDaemonProcess, stopDaemon, type DaemonProcess } from "./test-support/daemon-process";
import { activityRows, cliAs, faultWorld, listFiles, waitFor } from "./test-support/fault-world";

const db = openTestDatabase();

/** Packs under their final name (data/<hh>/<sha256>), not the driver's temp files. */
async function finalPacks(repo: string): Promise<string[]> {
  return (await listFiles(path.join(repo, "data"))).filter((f) => /^[0-9a-f]{64}$/.test(path.basename(f)));
}

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("error", reject)
      .on("data", (d) => hash.update(d))
      .on("end", () => resolve(hash.digest("hex")));
  });
}

// issue 4, "Faults and bad input": kill -9 of the daemon during an upload. No partial object under
// a final name, the session reaches MySQL as interrupted after the restart, the client's next
// backup succeeds and `check --read-data` is clean.
describe("kill -9 of the daemon during an upload", () => {
  const daemons: DaemonProcess[] = [];
  const clients: ChildProcess[] = [];
  afterAll(async () => {
    for (const c of clients) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    for (const d of daemons) await killDaemon(d);
  });

  it("leaves no partial object, records the session interrupted, and the next backup succeeds", async () => {
    const root = await tempDir("fault-kill");
    const { world, accounts, devices } = await faultWorld(db, 1);
    const account = accounts[0]!;
    const repo = repositoryRoot(account.deviceRoot, account.loginName);
    // Small packs (128 KiB) so a few MiB make many uploads: the kill lands between and during them.
    await fs.mkdir(repo, { recursive: true });
    await initTestRepository(repo);
    const src = path.join(root, "src");
    await makeSourceTree(src, { bigFileBytes: 12 * 1024 * 1024, smallFiles: 20 });

    const options = { dir: path.join(root, "daemon"), name: `faults-kill-${world.tag}`, databaseUrl: inject("databaseUrl"), devices };
    let daemon = await startDaemonProcess(options);
    daemons.push(daemon);

    const env: Record<string, string> = { ...cliEnv(""), STRONGROOM_SERVER: daemon.url, STRONGROOM_ACCOUNT: account.loginName, STRONGROOM_ACCOUNT_PASSWORD: password, STRONGROOM_SERVER_CA: daemon.caFile };
    delete env.STRONGROOM_REPO;
    const first = startCli(["backup", src], env);
    clients.push(first.child);
    let cliDone = false;
    void first.result.then(() => (cliDone = true));
    try {
      // Uploads are in flight once the first pack is in data/ (and the backup is not over).
      await waitFor("a first pack on the device", async () => ((await finalPacks(repo)).length > 0 || cliDone ? true : undefined), 30_000, 5);
      await killDaemon(daemon);
    } catch (error) {
      first.child.kill("SIGKILL");
      throw error;
    }
    // The kill must have landed mid-backup.
    expect(cliDone, "the backup finished before the kill").toBe(false);
    expect(await fs.readdir(path.join(repo, "snapshots")).catch(() => [])).toEqual([]);

    // No temp or partial object under a final name: every pack is named by its SHA-256. The
    // storage driver's temp files (`.tmp~<random>`, renamed into place once complete) may remain
    // from the writes the kill cut short; they can never be taken for an object.
    const files = await listFiles(path.join(repo, "data"));
    const temps = files.filter((f) => path.basename(f).startsWith(".tmp~"));
    const packs = files.filter((f) => !temps.includes(f));
    expect(packs.length).toBeGreaterThan(0);
    for (const pack of packs) {
      const [dir, name] = pack.split(path.sep);
      expect(name, pack).toMatch(/^[0-9a-f]{64}$/);
      expect(dir, pack).toBe(name?.slice(0, 2));
      expect(await sha256File(path.join(repo, "data", pack)), pack).toBe(name);
    }
    for (const kind of ["index", "snapshots", "keys"]) {
      for (const file of (await listFiles(path.join(repo, kind))).filter((f) => !path.basename(f).startsWith(".tmp~"))) expect(path.basename(file), `${kind}/${file}`).toMatch(/^[0-9a-f]{64}$/);
    }

    // The restart (on the same port, where the client keeps retrying) marks the session it was
    // running as interrupted, and that reaches MySQL.
    daemon = await startDaemonProcess({ ...options, port: daemon.port });
    daemons.push(daemon);
    const interrupted = await waitFor("an interrupted activity in MySQL", async () => {
      const rows = await activityRows(db, [account.accountId]);
      return rows.some((r) => r.status === "interrupted") ? rows : undefined;
    }, 30_000, 200);
    expect(interrupted.filter((r) => r.status === "interrupted"), daemon.log()).toMatchObject([{ kind: "backup", status: "interrupted" }]);

    // The client retries dropped connections on its own (capped backoff), so the first backup is
    // still running; its next attempt reaches the restarted daemon, which no longer knows its
    // session. Either outcome is acceptable here; it must just end (and not corrupt anything).
    const firstRun = await Promise.race([first.result, new Promise<null>((resolve) => setTimeout(() => resolve(null), 60_000))]);
    if (firstRun === null) first.child.kill("SIGKILL");
    expect(firstRun, "the interrupted CLI did not end within 60 s of the restart").not.toBeNull();

    // The client's next backup succeeds (through the restarted daemon), and so does a restore.
    const next = await cliAs(daemon, account, ["backup", src]);
    expect(next.stderr, daemon.log()).toBe("");
    expect(next.code).toBe(0);
    const target = path.join(root, "restored");
    const restore = await cliAs(daemon, account, ["restore", "latest", "--target", target]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(treeDifferences(await describeTree(src), await describeTree(path.join(target, src)))).toEqual([]);
    await stopDaemon(daemon);

    // The repository on the device is whole: every byte read and verified.
    // Packs uploaded before the kill but never indexed are only reported (prune frees them).
    const check = await spawnCli(["check", "--read-data"], cliEnv(repo));
    expect(check.code, `${check.stdout}\n${check.stderr}`).toBe(0);
    const problems = check.stderr.split("\n").filter((l) => l.trim() !== "" && !/^warning: data\/[0-9a-f]{2}\/[0-9a-f]{64}: pack_unindexed: /.test(l));
    expect(problems).toEqual([]);
  }, 120_000);
});
