import { describe, expect, it } from "vitest";
import type { StorageDriver } from "../storage/driver";
import { openRepository } from "./open-repository";
import { initSmall, memoryDriver, pseudoRandom, readFile, saveFile } from "./test-helpers";
import type { Repository } from "./types";

async function snapshotOf(repo: Repository, files: Buffer[]): Promise<{ id: string; content: string[][] }> {
  const content: string[][] = [];
  for (const data of files) content.push(await saveFile(repo, data));
  const tree = await repo.saveTree({ nodes: content.map((c, i) => ({ name: `f${i}`, type: "file" as const, mode: 0o644, mtimeNs: "0", size: files[i]!.length, content: c })) });
  const id = await repo.saveSnapshot({ time: new Date().toISOString(), tree, paths: ["/"], hostname: "h" });
  return { id, content };
}

async function largestPack(driver: StorageDriver): Promise<string> {
  const all: { k: string; size: number }[] = [];
  for await (const k of driver.list("data/")) all.push({ k, size: (await driver.stat(k))!.size });
  return all.sort((a, b) => b.size - a.size)[0]!.k;
}

describe("repair", () => {
  it("drops a damaged pack, salvages its good blobs, and the next backup heals the repository", async () => {
    const driver = memoryDriver();
    const repo = await initSmall(driver);
    const files = [pseudoRandom(500_000, 1), pseudoRandom(500_000, 2)];
    const first = await snapshotOf(repo, files);
    const victim = await largestPack(driver);
    const bytes = Buffer.from(await driver.read(victim));
    bytes[50] = bytes[50]! ^ 0xff;
    await driver.write(victim, bytes);

    const report = await repo.repair();
    expect(report.packsDropped).toEqual([victim]);
    expect(report.blobsLost).toHaveLength(1);
    expect(report.blobsSalvaged).toBeGreaterThan(0);
    const after = await repo.check({ readData: true });
    expect(after.problems.map((p) => [p.kind, p.blob])).toEqual([["blob_missing", report.blobsLost[0]]]);
    expect(repo.hasBlob(report.blobsLost[0]!)).toBe(false);

    await snapshotOf(repo, files); // The next backup uploads the lost blob again.
    expect(await repo.check({ readData: true })).toMatchObject({ ok: true, problems: [] });
    const again = await openRepository(driver, { passphrase: "correct horse" });
    expect((await readFile(again, first.content[0]!)).equals(files[0]!)).toBe(true);
    expect((await readFile(again, first.content[1]!)).equals(files[1]!)).toBe(true);
  });

  it("indexes the intact packs of an interrupted backup so the next backup reuses them", async () => {
    const driver = memoryDriver();
    const repo = await initSmall(driver);
    const data = pseudoRandom(900_000, 5);
    await saveFile(repo, data);
    // Packs written (the pipeline writes them in the background; a fixed short sleep was flaky on a
    // busy machine), then the process "dies" before flush.
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    for (let waited = 0, last = -1; waited < 5000; waited += 50) {
      const written = repo.stats().packsWritten;
      if (written > 0 && written === last) break;
      last = written;
      await sleep(50);
    }
    const next = await openRepository(driver, { passphrase: "correct horse" });
    const report = await next.repair();
    expect(report.packsReindexed).toBeGreaterThan(0);
    const before = next.stats().blobsNew;
    await snapshotOf(next, [data]);
    expect(next.stats().blobsDuplicate).toBeGreaterThan(0);
    expect(next.stats().blobsNew - before).toBeLessThan(report.packsReindexed * 10 + 10);
    expect(await next.check({ readData: true })).toMatchObject({ ok: true });
  });

  it("removes a snapshot file that does not verify", async () => {
    const driver = memoryDriver();
    const repo = await initSmall(driver);
    const s = await snapshotOf(repo, [pseudoRandom(1000, 1)]);
    const key = `snapshots/${s.id}`;
    await driver.write(key, Buffer.from("garbage"));
    expect((await repo.repair()).snapshotsRemoved).toEqual([key]);
    expect(await repo.check({ readData: true })).toMatchObject({ ok: true, problems: [] });
  });
});
