import { describe, expect, it } from "vitest";
import { openRepository } from "./open-repository";
import { initSmall, memoryDriver } from "./test-helpers";
import type { StorageDriver } from "../storage/driver";

function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

async function two(driver: StorageDriver, a: object, b: object) {
  await initSmall(driver);
  return [await openRepository(driver, { passphrase: "correct horse", ...a }), await openRepository(driver, { passphrase: "correct horse", ...b })] as const;
}

describe("locks", () => {
  it("shared + shared is fine; exclusive conflicts with both; release frees", async () => {
    const [a, b] = await two(memoryDriver(), { hostname: "h1" }, { hostname: "h2" });
    const s1 = await a.lock("shared");
    const s2 = await b.lock("shared");
    await expect(b.lock("exclusive")).rejects.toMatchObject({ code: "locked" });
    await s1.release();
    await s2.release();
    const x = await a.lock("exclusive");
    await expect(b.lock("shared")).rejects.toMatchObject({ code: "locked" });
    await expect(b.lock("exclusive")).rejects.toMatchObject({ code: "locked" });
    await x.release();
    expect(await a.listLocks()).toEqual([]);
  });

  it("another host's lock is stale only once its refresh is older than the timeout", async () => {
    const c = clock();
    const [a, b] = await two(memoryDriver(), { hostname: "h1", now: c.now }, { hostname: "h2", now: c.now, lockStaleMs: 60_000 });
    const held = await a.lock("exclusive");
    c.advance(50_000);
    await expect(b.lock("shared")).rejects.toMatchObject({ code: "locked" });
    await held.refresh();
    c.advance(50_000);
    expect(await b.removeStaleLocks()).toEqual([]);
    c.advance(20_000);
    const got = await b.lock("shared");
    expect(await b.removeStaleLocks()).toEqual([held.info.key]);
    await got.release();
    // The holder learns its lock is gone and must stop.
    await expect(held.refresh()).rejects.toMatchObject({ code: "locked" });
  });

  it("on the same host a dead pid is stale at once and a live pid never is", async () => {
    const c = clock();
    const alive = new Set([111]);
    const isProcessAlive = (pid: number) => alive.has(pid);
    const [a, b] = await two(memoryDriver(), { hostname: "h", pid: 111, now: c.now, isProcessAlive }, { hostname: "h", pid: 222, now: c.now, isProcessAlive, lockStaleMs: 1000 });
    const held = await a.lock("exclusive");
    c.advance(10 * 24 * 3600_000); // Suspended for days: still alive, still holds.
    await expect(b.lock("exclusive")).rejects.toMatchObject({ code: "locked" });
    expect(await b.removeStaleLocks()).toEqual([]);
    expect(await b.listLocks()).toHaveLength(1);
    alive.delete(111);
    expect(await b.removeStaleLocks()).toEqual([held.info.key]);
    const x = await b.lock("exclusive");
    await x.release();
  });

  it("waits for a conflicting lock when asked to", async () => {
    const [a, b] = await two(memoryDriver(), { hostname: "h1" }, { hostname: "h2" });
    const held = await a.lock("exclusive");
    setTimeout(() => void held.release(), 150);
    const got = await b.lock("exclusive", { waitMs: 3000 });
    await got.release();
  });

  it("prune takes the exclusive lock and is refused while a backup holds a shared one", async () => {
    const [a, b] = await two(memoryDriver(), { hostname: "h1" }, { hostname: "h2" });
    const backup = await a.lock("shared");
    await expect(b.prune()).rejects.toMatchObject({ code: "locked" });
    await backup.release();
    await expect(b.prune()).resolves.toMatchObject({ packsDeleted: 0 });
    expect(await b.listLocks()).toEqual([]);
  });
});

describe("a lock removed under a running backup", () => {
  it("stops the snapshot from being written", async () => {
    const driver = memoryDriver();
    const [a, b] = await two(driver, { hostname: "h1" }, { hostname: "h2" });
    const held = await a.lock("shared");
    await driver.delete(held.info.key);
    const tree = await a.saveTree({ nodes: [] });
    await expect(a.saveSnapshot({ time: new Date().toISOString(), tree, paths: ["/"], hostname: "h1" })).rejects.toMatchObject({ code: "locked" });
    expect(await b.listSnapshots()).toEqual([]);
  });
});
