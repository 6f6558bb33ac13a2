import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Repository } from "../../core/repository";
import { walkSnapshot } from "../browse/walk-snapshot";
import { describeTree } from "../test-support/compare-trees";
import { makeSourceTree } from "../test-support/make-source-tree";
import { runMain } from "../test-support/run-main";
import { cliEnv, jsonLines, spawnCli } from "../test-support/spawn-cli";
import { tempDir } from "../test-support/temp-dir";
import { initTestRepository, openTestRepository } from "../test-support/test-repository";

async function packKeys(repo: string): Promise<string[]> {
  const files = await fs.readdir(path.join(repo, "data"), { recursive: true, withFileTypes: true });
  return files.filter((f) => f.isFile() && !f.name.includes(".tmp")).map((f) => path.relative(repo, path.join(f.parentPath, f.name))).sort();
}

/**
 * With `pack` set aside: null when a tree of the snapshots no longer loads (the pack holds trees),
 * else how many files lose a blob (the pack holds only their data).
 */
async function filesNeeding(repoDir: string, pack: string): Promise<number | null> {
  const file = path.join(repoDir, pack);
  await fs.rename(file, `${file}.aside`);
  let repo: Repository | null = null;
  try {
    repo = await openTestRepository(repoDir);
    const files: string[][] = [];
    try {
      for (const s of await repo.listSnapshots()) {
        for await (const { node } of walkSnapshot(repo, s.tree)) if (node.type === "file") files.push(node.content ?? []);
      }
    } catch {
      return null;
    }
    let needing = 0;
    for (const content of files) {
      const loads = await Promise.allSettled(content.map((id) => repo!.loadBlob(id)));
      if (loads.some((l) => l.status === "rejected")) needing += 1;
    }
    return needing;
  } finally {
    await repo?.close();
    await fs.rename(`${file}.aside`, file);
  }
}

/**
 * One pack flipped, one truncated, one deleted, one swapped for another valid pack: check names
 * exactly those; restore fails loudly for the files that need them, writes no wrong byte, and
 * restores everything else byte for byte.
 */
describe("corrupted packs", () => {
  let root: string;
  let repo: string;
  let src: string;
  let env: Record<string, string>;
  let damaged: string[];

  beforeAll(async () => {
    root = await tempDir("corrupt");
    src = path.join(root, "src");
    await makeSourceTree(src, { bigFileBytes: 3 * 1024 * 1024, smallFiles: 30 });
    repo = path.join(root, "repo");
    await fs.mkdir(repo);
    await initTestRepository(repo);
    env = cliEnv(repo);
    expect((await runMain(["backup", src], env)).code).toBe(0);
    // The packs that the fewest files need are damaged (pack names are random hashes: taken in
    // name order, some runs damaged the pack holding most small files, and too little was
    // left to restore for the test to show that the rest restores).
    const needing = new Map<string, number>();
    for (const pack of await packKeys(repo)) {
      const files = await filesNeeding(repo, pack);
      if (files !== null) needing.set(pack, files);
    }
    const dataPacks = [...needing.keys()].sort((a, b) => needing.get(a)! - needing.get(b)! || a.localeCompare(b));
    expect(dataPacks.length).toBeGreaterThanOrEqual(6);
    const [flip, truncate, remove, swap, donor] = dataPacks as [string, string, string, string, string];
    const flipped = await fs.readFile(path.join(repo, flip));
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] = (flipped[middle] ?? 0) ^ 0x01;
    await fs.writeFile(path.join(repo, flip), flipped);
    await fs.truncate(path.join(repo, truncate), Math.floor((await fs.stat(path.join(repo, truncate))).size / 2));
    await fs.rm(path.join(repo, remove));
    await fs.copyFile(path.join(repo, donor), path.join(repo, swap));
    damaged = [flip, truncate, remove, swap].sort();
  }, 60_000);

  it("check --read-data names exactly the damaged packs", async () => {
    const run = await spawnCli(["check", "--read-data", "--json"], env);
    expect(run.code).toBe(1);
    const summary = jsonLines(run.stdout).find((l) => l.message_type === "summary") as { problems: { severity: string; object: string }[] };
    const named = [...new Set(summary.problems.filter((p) => p.severity === "error" && p.object.startsWith("data/")).map((p) => p.object))].sort();
    expect(named).toEqual(damaged);
    const human = await spawnCli(["check", "--read-data"], env);
    for (const pack of damaged) expect(human.stderr).toContain(pack);
    expect(human.stdout).toContain("errors found");
  });

  it("restore fails loudly for affected files, never writes wrong bytes, restores the rest", async () => {
    const target = path.join(root, "restored");
    const run = await spawnCli(["restore", "latest", "--target", target], env);
    expect(run.code).toBe(1);
    const failed = [...run.stderr.matchAll(/^error: (\S.*?): not restored: /gm)].map((m) => m[1] as string);
    expect(failed.length).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/could NOT be restored|not restored/);
    const source = await describeTree(src);
    const restored = await describeTree(path.join(target, src));
    for (const file of failed) expect(restored.has(path.relative(src, file)), `${file} must not exist`).toBe(false);
    let identical = 0;
    for (const [rel, facts] of restored) {
      expect(rel).not.toMatch(/strongroom-restore-/);
      if (facts.type !== "file") continue;
      expect(facts.sha256, rel).toBe(source.get(rel)?.sha256);
      identical += 1;
    }
    expect(identical).toBeGreaterThan(10);
    expect(identical + failed.length).toBe([...source.values()].filter((f) => f.type === "file").length);
  });

  it("repair drops the damaged packs, the next backup uploads the lost data again, check is clean", async () => {
    const repair = await spawnCli(["repair", "--json"], env);
    expect(repair.code, repair.stderr).toBe(0);
    const report = jsonLines(repair.stdout).find((l) => l.message_type === "summary") as { packsDropped: string[]; blobsLost: string[] };
    expect([...report.packsDropped].sort()).toEqual(damaged);
    expect(report.blobsLost.length).toBeGreaterThan(0);
    const backup = await spawnCli(["backup", "--json", src], env);
    expect(backup.code, backup.stderr).toBe(0);
    const summary = jsonLines(backup.stdout).find((l) => l.message_type === "summary") as { files_read: number; data_added: number };
    expect(summary.files_read).toBeGreaterThan(0);
    expect(summary.data_added).toBeGreaterThan(0);
    const check = await spawnCli(["check", "--read-data"], env);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain("no errors were found");
    // The first snapshot shares the re-uploaded blobs: it restores whole again.
    const first = (jsonLines((await spawnCli(["snapshots", "--json"], env)).stdout)[0] as unknown as { id: string }[])[0]?.id as string;
    const target = path.join(root, "healed");
    expect((await spawnCli(["restore", first, "--target", target], env)).code).toBe(0);
    const restored = await describeTree(path.join(target, src));
    const source = await describeTree(src);
    for (const [rel, facts] of source) if (facts.type === "file") expect(restored.get(rel)?.sha256, rel).toBe(facts.sha256);
  });
});
