import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openTestDatabase } from "../../../test/db";
import { describeTree, treeDifferences } from "../../client/test-support/compare-trees";
import { makeSourceTree } from "../../client/test-support/make-source-tree";
import { tempDir } from "../../client/test-support/temp-dir";
import { startTcpProxy, type TcpProxy } from "../activities/test-support/tcp-proxy";
import { startDaemonProcess, stopDaemon, killDaemon, type DaemonProcess } from "./test-support/daemon-process";
import { activityIds, activityRows, cliAs, faultWorld, waitFor } from "./test-support/fault-world";

const db = openTestDatabase();

// issue 4, "Faults and bad input": MySQL unreachable (a TCP proxy between the daemon and MariaDB is
// cut). Backups and restores of three accounts still succeed; once the proxy is back every
// activity reaches MySQL exactly once, and a restart of the daemon adds no duplicate.
describe("MySQL outage under a real daemon process", () => {
  let proxy: TcpProxy | null = null;
  const daemons: DaemonProcess[] = [];
  afterAll(async () => {
    for (const d of daemons) await killDaemon(d);
    await proxy?.close();
  });

  it("backs up and restores three accounts with MySQL cut, then delivers every activity exactly once", async () => {
    const root = await tempDir("fault-mysql");
    const { world, accounts, devices } = await faultWorld(db, 3);
    const accountIds = accounts.map((a) => a.accountId);
    proxy = await startTcpProxy(inject("databaseUrl"));
    const options = { dir: path.join(root, "daemon"), name: `faults-mysql-${world.tag}`, databaseUrl: proxy.url, devices };
    // Started with MySQL reachable: it registers and writes the device marker and account caches.
    let daemon = await startDaemonProcess(options);
    daemons.push(daemon);

    const sources = await Promise.all(
      accounts.map(async (_, i) => {
        const src = path.join(root, `src-${i}`);
        await makeSourceTree(src, { bigFileBytes: (1 + i) * 256 * 1024, smallFiles: 10 });
        return src;
      }),
    );
    for (const account of accounts) {
      const init = await cliAs(daemon, account, ["init"]);
      expect(init.stderr, daemon.log()).toBe("");
      expect(init.code).toBe(0);
    }

    await proxy.cut();
    const keysByAccount = new Map<number, string[]>();
    for (const [i, account] of accounts.entries()) {
      const src = sources[i]!;
      const backup = await cliAs(daemon, account, ["backup", "--json", src]);
      expect(backup.stderr, daemon.log()).toBe("");
      expect(backup.code).toBe(0);
      const target = path.join(root, `restored-${i}`);
      const restore = await cliAs(daemon, account, ["restore", "latest", "--json", "--target", target]);
      expect(restore.stderr, daemon.log()).toBe("");
      expect(restore.code).toBe(0);
      expect(treeDifferences(await describeTree(src), await describeTree(path.join(target, src)))).toEqual([]);
      const keys = [...activityIds(backup), ...activityIds(restore)];
      expect(keys.length, `activity lines of backup and restore:\n${backup.stdout}\n${restore.stdout}`).toBeGreaterThanOrEqual(1);
      keysByAccount.set(account.accountId, keys);
    }
    const allKeys = [...keysByAccount.values()].flat();
    expect(new Set(allKeys).size).toBe(allKeys.length);
    // Nothing reached MySQL while it was unreachable (the test's own connection is not proxied).
    expect(await activityRows(db, accountIds)).toEqual([]);

    await proxy.restore();
    // The worker retries on a capped exponential backoff (500 ms doubling): the first retry after
    // the outage may come many seconds later on a slow machine.
    const rows = await waitFor("every activity in MySQL", async () => {
      const found = await activityRows(db, accountIds);
      return found.length >= allKeys.length ? found : undefined;
    }, 60_000, 200);
    expect(rows.map((r) => r.key).sort()).toEqual([...allKeys].sort());
    for (const [accountId, keys] of keysByAccount) {
      expect(rows.filter((r) => r.accountId === accountId).map((r) => r.key).sort()).toEqual([...keys].sort());
    }
    expect(rows.every((r) => r.status === "success")).toBe(true);
    for (const accountId of accountIds) {
      expect(rows.filter((r) => r.accountId === accountId).map((r) => r.kind).sort()).toEqual(["backup", "restore"]);
    }

    // A restart (the outbox replays whatever it still holds) adds nothing.
    await stopDaemon(daemon);
    daemon = await startDaemonProcess(options);
    daemons.push(daemon);
    const healthy = await cliAs(daemon, accounts[0]!, ["snapshots", "--json"]);
    expect(healthy.code, daemon.log()).toBe(0);
    await stopDaemon(daemon);
    const after = await activityRows(db, accountIds);
    expect(after.map((r) => r.key).sort()).toEqual([...allKeys].sort());
  }, 120_000);
});
