import { describe, expect, it } from "vitest";
import type { StorageDriver } from "../storage/driver";
import { initSmall, memoryDriver, pseudoRandom, saveFile } from "./test-helpers";
import type { CheckReport, Repository } from "./types";

/** Two snapshots over a few files: several data packs, a tree pack, two index files. */
async function fixture(): Promise<{ driver: StorageDriver; repo: Repository; files: Buffer[]; snapshots: string[] }> {
  const driver = memoryDriver();
  const repo = await initSmall(driver);
  const files = [pseudoRandom(600_000, 1), pseudoRandom(500_000, 2), Buffer.from("log line\n".repeat(40_000))];
  const snapshots: string[] = [];
  for (let round = 0; round < 2; round++) {
    const nodes = [];
    for (const [i, data] of files.entries()) {
      nodes.push({ name: `f${i}`, type: "file" as const, mode: 0o644, mtimeNs: String(round), size: data.length, content: await saveFile(repo, data) });
    }
    const tree = await repo.saveTree({ nodes });
    snapshots.push(await repo.saveSnapshot({ time: new Date(Date.UTC(2025, 0, round + 1)).toISOString(), tree, paths: ["/x"], hostname: "h" }));
    files.push(pseudoRandom(300_000, 10 + round));
  }
  return { driver, repo, files, snapshots };
}

async function keys(driver: StorageDriver, prefix: string): Promise<string[]> {
  const out: string[] = [];
  for await (const k of driver.list(prefix)) out.push(k);
  return out.sort();
}

const named = (report: CheckReport) => new Set(report.problems.filter((p) => p.severity === "error").map((p) => p.object));

/** A data pack (holding data blobs, not the tree): the largest one. */
async function dataPack(driver: StorageDriver): Promise<string> {
  const sized = await Promise.all((await keys(driver, "data/")).map(async (k) => ({ k, size: (await driver.stat(k))!.size })));
  return sized.sort((a, b) => b.size - a.size)[0]!.k;
}

describe("check", () => {
  it("is clean on a healthy repository, with and without reading data", async () => {
    const { repo } = await fixture();
    const quick = await repo.check({ readData: false });
    expect(quick.problems).toEqual([]);
    const full = await repo.check({ readData: true });
    expect(full.ok).toBe(true);
    expect(full.problems).toEqual([]);
    expect(full.snapshots).toBe(2);
    expect(full.bytesRead).toBeGreaterThan(1_000_000);
  });

  it("names exactly a flipped pack, and loadBlob of its blob fails without returning bytes", async () => {
    const { driver, repo } = await fixture();
    const key = await dataPack(driver);
    const bytes = Buffer.from(await driver.read(key));
    bytes[100] = bytes[100]! ^ 0x01;
    await driver.write(key, bytes);
    const report = await repo.check({ readData: true });
    expect(report.ok).toBe(false);
    expect(named(report)).toEqual(new Set([key]));
    expect(report.problems.map((p) => p.kind).sort()).toEqual(["blob_damaged", "pack_hash_mismatch"]);
    const blob = report.problems.find((p) => p.kind === "blob_damaged")!.blob!;
    const error = await repo.loadBlob(blob).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: "damaged" });
    expect((error as { objects: string[] }).objects).toEqual([key, `blob ${blob}`]);
  });

  it("names exactly a truncated pack without reading data", async () => {
    const { driver, repo } = await fixture();
    const key = await dataPack(driver);
    const bytes = await driver.read(key);
    await driver.write(key, bytes.subarray(0, bytes.length - 1000));
    const report = await repo.check({ readData: false });
    expect(named(report)).toEqual(new Set([key]));
    expect(report.problems[0]!.kind).toBe("pack_size_mismatch");
  });

  it("names exactly a deleted pack", async () => {
    const { driver, repo } = await fixture();
    const key = await dataPack(driver);
    await driver.delete(key);
    const report = await repo.check({ readData: false });
    expect(named(report)).toEqual(new Set([key]));
    expect(report.problems.map((p) => p.kind)).toEqual(["pack_missing"]);
  });

  it("names exactly a pack swapped for another valid pack of the same repository", async () => {
    const { driver, repo } = await fixture();
    const [a, b] = await keys(driver, "data/");
    await driver.write(a!, await driver.read(b!));
    const report = await repo.check({ readData: true });
    expect(named(report)).toEqual(new Set([a]));
  });

  it("names exactly a swapped snapshot and a damaged index", async () => {
    const { driver, repo } = await fixture();
    const [s1, s2] = await keys(driver, "snapshots/");
    await driver.write(s1!, await driver.read(s2!));
    const [index] = await keys(driver, "index/");
    const bytes = Buffer.from(await driver.read(index!));
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x80;
    await driver.write(index!, bytes);
    const report = await repo.check({ readData: false });
    const objects = named(report);
    expect(objects.has(s1!)).toBe(true);
    expect(objects.has(index!)).toBe(true);
    // The packs that index listed are now unindexed (warnings), and blobs only it knew are missing.
    expect([...objects].every((o) => o === s1 || o === index || o.startsWith("blob "))).toBe(true);
  });

  it("reports leftover packs of an interrupted backup as warnings, not errors", async () => {
    const { driver, repo } = await fixture();
    await repo.saveBlob("data", pseudoRandom(200_000, 99));
    await repo.saveBlob("data", pseudoRandom(200_000, 98));
    // Simulate the crash: a pack got written, no index names it.
    await new Promise((r) => setTimeout(r, 50));
    const report = await repo.check({ readData: true });
    expect(report.ok).toBe(true);
    const packs = await keys(driver, "data/");
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.problems.every((p) => p.kind === "pack_unindexed" && packs.includes(p.object))).toBe(true);
  });
});
