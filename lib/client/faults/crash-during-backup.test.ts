import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createFaultDriver } from "../../core/storage/fault-driver";
import { createLocalDriver } from "../../core/storage/local-driver";
import { isTempName } from "../../core/storage/local-temp-name";
import { makeSourceTree } from "../test-support/make-source-tree";
import { runMain } from "../test-support/run-main";
import { seededSample } from "../test-support/seeded-choice";
import { cliEnv, jsonLines, spawnCli } from "../test-support/spawn-cli";
import { tempDir } from "../test-support/temp-dir";
import { initTestRepository } from "../test-support/test-repository";

const SEED = 20_251_126;
const POINTS = 20;

/**
 * kill -9 of a real `strongroom backup` just before its Nth storage write, at 20 seeded N: the
 * repository must stay consistent (check --read-data clean), hold no snapshot of the killed run,
 * and the next backup must succeed and reuse what the killed one managed to index.
 */
describe("kill -9 during a backup", () => {
  let root: string;
  let src: string;
  let base: string;
  let points: number[];
  let fullStored: number;

  beforeAll(async () => {
    root = await tempDir("crash");
    src = path.join(root, "src");
    await makeSourceTree(src, { bigFileBytes: 4 * 1024 * 1024, smallFiles: 20 });
    base = path.join(root, "base");
    await fs.mkdir(base);
    await initTestRepository(base);
    // A dry run in this process records the order of writes; kill points are drawn from the
    // writes before the snapshot's (minus a margin: pack boundaries may shift between runs).
    const dry = path.join(root, "dry");
    await fs.cp(base, dry, { recursive: true });
    const keys: string[] = [];
    const run = await runMain(["backup", "--json", "--read-concurrency", "1", src], cliEnv(dry), {
      createDriver: (p) => createFaultDriver(createLocalDriver(p), { beforeWrite: ({ key }) => void keys.push(key) }),
    });
    expect(run.code).toBe(0);
    fullStored = Number(jsonLines(run.stdout).find((l) => l.message_type === "summary")?.data_added_packed);
    const snapshotWrite = keys.findIndex((k) => k.startsWith("snapshots/")) + 1;
    expect(snapshotWrite).toBeGreaterThan(POINTS + 3);
    points = seededSample(SEED, POINTS, 1, snapshotWrite - 3);
  });

  it("leaves a consistent repository at every one of 20 seeded write points", async () => {
    const reused: number[] = [];
    for (const n of points) {
      const repo = path.join(root, `repo-${n}`);
      await fs.cp(base, repo, { recursive: true });
      const env = cliEnv(repo);
      const killed = await spawnCli(["backup", "--read-concurrency", "1", src], { ...env, STRONGROOM_TEST_CRASH_AT_WRITE: String(n) });
      expect(killed.signal, `write ${n}`).toBe("SIGKILL");
      // A complete index, not the temp file of one the kill cut short (writes overlap).
      const indexed = (await fs.readdir(path.join(repo, "index")).catch(() => [])).some((name) => !isTempName(name));

      const check = await runMain(["check", "--read-data", "--json"], env);
      expect(check.code, `check after kill at write ${n}: ${check.stdout}`).toBe(0);
      expect(await fs.readdir(path.join(repo, "snapshots")).catch(() => [])).toEqual([]);

      const next = await runMain(["backup", "--json", src], env);
      expect(next.code, `backup after kill at write ${n}: ${next.stderr}`).toBe(0);
      const stored = Number(jsonLines(next.stdout).find((l) => l.message_type === "summary")?.data_added_packed);
      if (indexed) {
        expect(stored, `kill at write ${n} had an index: its packs must be reused`).toBeLessThan(fullStored);
        reused.push(n);
      }
      const after = await runMain(["check", "--read-data"], env);
      expect(after.code, after.stdout).toBe(0);
      await fs.rm(repo, { recursive: true });
    }
    // The seeded points must include kills after the first interim index, or reuse is untested.
    expect(reused.length).toBeGreaterThan(POINTS / 2);
  }, 120_000);
});
