import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runMain } from "../test-support/run-main";
import { jsonLines, spawnCli } from "../test-support/spawn-cli";
import { createCliWorkspace } from "../test-support/cli-workspace";
import { seededBytes } from "../test-support/make-source-tree";

async function logKinds(repo: string): Promise<{ kind: string; status: string }[]> {
  const dir = path.join(repo, "logs");
  const names = (await fs.readdir(dir)).sort();
  return Promise.all(names.map(async (n) => JSON.parse(await fs.readFile(path.join(dir, n), "utf8")) as { kind: string; status: string }));
}

describe("forget, prune and key passwd", () => {
  let root: string;
  let repo: string;
  let src: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    ({ root, repo, src, env } = await createCliWorkspace("maintenance"));
    // Four snapshots, each with a file the next one no longer has: prune has data to free.
    for (let i = 0; i < 4; i += 1) {
      await fs.rm(path.join(src, `v${i - 1}.bin`), { force: true });
      await fs.writeFile(path.join(src, `v${i}.bin`), seededBytes(300 * 1024, i));
      expect((await runMain(["backup", src], env)).code).toBe(0);
    }
  });

  it("forget --dry-run keeps everything", async () => {
    const run = await runMain(["forget", "--keep-last", "1", "--dry-run", "--json"], env);
    expect(run.code).toBe(0);
    const [groups] = jsonLines(run.stdout) as unknown as { keep: string[]; remove: string[] }[][];
    expect(groups?.[0]?.remove).toHaveLength(3);
    expect(jsonLines((await runMain(["snapshots", "--json"], env)).stdout)[0]).toHaveLength(4);
  });

  it("forget --keep-last 2 --prune removes two snapshots and frees their data", async () => {
    const sizeBefore = await repoSize(repo);
    const run = await spawnCli(["forget", "--keep-last", "2", "--prune"], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("removed 2 snapshots");
    expect(run.stdout).toMatch(/freed \d/);
    const list = jsonLines((await runMain(["snapshots", "--json"], env)).stdout)[0] as unknown as unknown[];
    expect(list).toHaveLength(2);
    expect(await repoSize(repo)).toBeLessThan(sizeBefore - 400 * 1024);
    expect((await logKinds(repo)).at(-1)).toMatchObject({ kind: "prune", status: "success" });
    const check = await runMain(["check", "--read-data"], env);
    expect(check.code, check.stdout).toBe(0);
    const target = path.join(root, "restored");
    expect((await runMain(["restore", "latest", "--target", target], env)).code).toBe(0);
    expect(await fs.readFile(path.join(target, src, "v3.bin"))).toEqual(seededBytes(300 * 1024, 3));
  });

  it("key passwd replaces the passphrase without rewriting data", async () => {
    const file = path.join(root, "new-pass");
    await fs.writeFile(file, "a brand new passphrase\n");
    const packs = await fs.readdir(path.join(repo, "data"), { recursive: true });
    const run = await runMain(["key", "passwd", "--new-password-file", file], env);
    expect(run.code, run.stderr).toBe(0);
    const old = await runMain(["snapshots"], env);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain("Wrong passphrase");
    const fresh = await runMain(["snapshots"], { ...env, STRONGROOM_PASSWORD: "a brand new passphrase" });
    expect(fresh.code).toBe(0);
    expect(await fs.readdir(path.join(repo, "data"), { recursive: true })).toEqual(packs);
    const bad = await runMain(["key", "rotate"], env);
    expect(bad.stderr).toContain('key: unknown subcommand "rotate"');
  });
});

async function repoSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}
