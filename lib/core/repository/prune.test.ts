import { describe, expect, it } from "vitest";
import type { StorageDriver } from "../storage/driver";
import { openRepository } from "./open-repository";
import { initSmall, memoryDriver, pseudoRandom, readFile, saveFile, tempDriver } from "./test-helpers";
import type { Repository } from "./types";

async function keys(driver: StorageDriver, prefix: string): Promise<string[]> {
  const out: string[] = [];
  for await (const k of driver.list(prefix)) out.push(k);
  return out.sort();
}

async function backup(repo: Repository, files: Record<string, Buffer>, day: number): Promise<{ id: string; content: Record<string, string[]> }> {
  const content: Record<string, string[]> = {};
  const nodes = [];
  for (const [name, data] of Object.entries(files)) {
    content[name] = await saveFile(repo, data);
    nodes.push({ name, type: "file" as const, mode: 0o644, mtimeNs: "0", size: data.length, content: content[name] });
  }
  const tree = await repo.saveTree({ nodes });
  const id = await repo.saveSnapshot({ time: new Date(Date.UTC(2025, 0, day)).toISOString(), tree, paths: ["/"], hostname: "h" });
  return { id, content };
}

describe("prune", () => {
  it("removes only unreferenced data (repacking partly used packs) and leaves a clean repository", async () => {
    const { driver, cleanup } = await tempDriver();
    try {
      const repo = await initSmall(driver);
      const shared = pseudoRandom(700_000, 1);
      const gone = pseudoRandom(700_000, 2);
      const kept = pseudoRandom(300_000, 3);
      const first = await backup(repo, { shared, gone }, 1);
      const second = await backup(repo, { shared, kept }, 2);
      const before = await keys(driver, "data/");
      await repo.lock("exclusive").then(async (l) => {
        await repo.deleteSnapshot(first.id);
        await l.release();
      });
      const dry = await repo.prune({ dryRun: true });
      expect(await keys(driver, "data/")).toEqual(before);
      const report = await repo.prune();
      expect(report).toEqual({ ...dry, packsWritten: report.packsWritten, bytesFreed: report.bytesFreed, indexesRewritten: 1 });
      expect(report.packsDeleted + report.packsRepacked).toBeGreaterThan(0);
      expect(report.blobsRemoved).toBeGreaterThanOrEqual(first.content.gone!.length);
      expect(report.bytesFreed).toBeGreaterThan(500_000);
      expect(await repo.check({ readData: true })).toMatchObject({ ok: true, problems: [] });

      const again = await openRepository(driver, { passphrase: "correct horse" });
      expect((await readFile(again, second.content.shared!)).equals(shared)).toBe(true);
      expect((await readFile(again, second.content.kept!)).equals(kept)).toBe(true);
      await expect(again.loadBlob(first.content.gone![0]!)).rejects.toMatchObject({ code: "damaged" });
      // A second prune finds nothing to do.
      expect(await again.prune()).toMatchObject({ packsDeleted: 0, packsRepacked: 0, blobsRemoved: 0 });
    } finally {
      await cleanup();
    }
  });

  it("deletes the packs of an interrupted backup", async () => {
    const driver = memoryDriver();
    const repo = await initSmall(driver);
    await backup(repo, { a: pseudoRandom(300_000, 5) }, 1);
    const before = await keys(driver, "data/");
    const crashed = await openRepository(driver, { passphrase: "correct horse" });
    for (let i = 0; i < 3; i++) await crashed.saveBlob("data", pseudoRandom(200_000, 50 + i));
    // Wait (not a fixed sleep: the pack worker is slower on a busy machine) until packs are written:
    // some packs, no index, no snapshot — what a killed backup leaves.
    for (let waited = 0; (await keys(driver, "data/")).length <= before.length && waited < 10_000; waited += 20) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await keys(driver, "data/")).length).toBeGreaterThan(before.length);
    const report = await repo.prune();
    expect(report.unindexedPacksDeleted).toBeGreaterThan(0);
    expect(await keys(driver, "data/")).toEqual(before);
    expect((await repo.check({ readData: true })).problems).toEqual([]);
  });

  it("refuses to run on a damaged repository and changes nothing", async () => {
    const driver = memoryDriver();
    const repo = await initSmall(driver);
    const first = await backup(repo, { a: pseudoRandom(600_000, 7) }, 1);
    await backup(repo, { b: pseudoRandom(600_000, 8) }, 2);
    await repo.deleteSnapshot(first.id);
    const [victim] = await keys(driver, "data/");
    const bytes = await driver.read(victim!);
    await driver.write(victim!, bytes.subarray(0, bytes.length - 10));
    const snapshot = async () => Promise.all((await keys(driver, "")).map(async (k) => [k, (await driver.read(k)).toString("base64")]));
    const state = await snapshot();
    const error = await repo.prune().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "damaged", objects: [victim] });
    expect(await snapshot()).toEqual(state);
  });
});
