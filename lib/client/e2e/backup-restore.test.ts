import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { describeTree, treeDifferences } from "../test-support/compare-trees";
import { makeSourceTree } from "../test-support/make-source-tree";
import { cliEnv, jsonLines, spawnCli } from "../test-support/spawn-cli";
import { tempDir } from "../test-support/temp-dir";

// The real CLI, end to end: one repository, one source tree, several runs in order.
describe("strongroom backup and restore", () => {
  let root: string;
  let src: string;
  let env: Record<string, string>;
  let first: Record<string, unknown>;
  let incremental = "";

  beforeAll(async () => {
    root = await tempDir("e2e");
    src = path.join(root, "src");
    await makeSourceTree(src);
    env = cliEnv(path.join(root, "repo"));
    const init = await spawnCli(["init"], env);
    expect(init.stderr).toBe("");
    expect(init.code).toBe(0);
    const backup = await spawnCli(["backup", "--json", src], env);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    first = jsonLines(backup.stdout).find((l) => l.message_type === "summary") as Record<string, unknown>;
  }, 60_000);

  it("restores the tree byte for byte, with modes, mtimes and symlinks (dangling too)", async () => {
    const target = path.join(root, "restore-all");
    const run = await spawnCli(["restore", "latest", "--target", target], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(treeDifferences(await describeTree(src), await describeTree(path.join(target, src)))).toEqual([]);
    expect(first).toMatchObject({ files_new: 45, files_changed: 0, files_unmodified: 0 });
    // Nothing but the restored tree and no temp files are left in the target.
    expect(await fs.readdir(target)).toEqual([src.split("/")[1]]);
  });

  it("reads only changed files in an incremental backup", async () => {
    await fs.appendFile(path.join(src, "docs", "file-3.txt"), "changed\n");
    await fs.writeFile(path.join(src, "docs", "added.txt"), "new file\n");
    const run = await spawnCli(["backup", "--json", src], env);
    expect(run.code).toBe(0);
    const summary = jsonLines(run.stdout).find((l) => l.message_type === "summary");
    expect(summary).toMatchObject({ files_new: 1, files_changed: 1, files_unmodified: 44, files_read: 2 });
    incremental = summary?.snapshot_id as string;
    expect(summary?.data_added_packed).toBeLessThan(Number(first.data_added_packed) / 100);
    const ls = await spawnCli(["ls", "latest", path.join(src, "docs")], env);
    expect(ls.stdout).toContain(path.join(src, "docs", "added.txt"));
  });

  it("leaves out excluded paths (--exclude and --exclude-file)", async () => {
    const excludeFile = path.join(root, "excludes");
    await fs.writeFile(excludeFile, "# comment\n\ndeeper\n");
    const run = await spawnCli(["backup", "--json", "--exclude", "*.sh", "--exclude", "big.bin", "--exclude-file", excludeFile, src], env);
    expect(run.code).toBe(0);
    const snapshotId = jsonLines(run.stdout).find((l) => l.message_type === "summary")?.snapshot_id as string;
    const ls = await spawnCli(["ls", snapshotId], env);
    expect(ls.code).toBe(0);
    expect(ls.stdout).not.toMatch(/script\.sh|big\.bin|deeper/);
    expect(ls.stdout).toContain("docs/deep/file-1.txt");
  });

  it("restores only --include paths", async () => {
    const target = path.join(root, "restore-some");
    const run = await spawnCli(["restore", incremental, "--target", target, "--include", path.join(src, "docs", "deep")], env);
    expect(run.code).toBe(0);
    const restored = await describeTree(path.join(target, src));
    expect([...restored.keys()].every((p) => p === "docs" || p.startsWith("docs/deep"))).toBe(true);
    expect(restored.has("docs/deep/deeper/file-2.txt")).toBe(true);
    const none = await spawnCli(["restore", "latest", "--target", target, "--include", "/no/such/path"], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("nothing in snapshot");
  });

  it("lists snapshots as JSON and text", async () => {
    const run = await spawnCli(["snapshots", "--json"], env);
    const [list] = jsonLines(run.stdout) as unknown as { paths: string[]; hostname: string }[][];
    expect(list).toHaveLength(3);
    expect(list?.[0]?.paths).toEqual([src]);
    const text = await spawnCli(["snapshots"], env);
    expect(text.stdout).toContain("3 snapshots");
  });

  it("writes one activity log per backup, restore and check into logs/", async () => {
    expect((await spawnCli(["check"], env)).code).toBe(0);
    const logs = await fs.readdir(path.join(root, "repo", "logs"));
    const kinds = logs.map((name) => /-(backup|restore|check|prune)-/.exec(name)?.[1]);
    expect(kinds.filter((k) => k === "backup")).toHaveLength(3);
    // Two restores and the one whose --include matched nothing (a failed activity).
    expect(kinds.filter((k) => k === "restore")).toHaveLength(3);
    expect(kinds.filter((k) => k === "check")).toHaveLength(1);
    const backups = await Promise.all(logs.filter((n) => n.includes("-backup-")).map(async (n) => JSON.parse(await fs.readFile(path.join(root, "repo", "logs", n), "utf8")) as { status: string; snapshotId: string }));
    expect(backups.every((b) => b.status === "success" && /^[0-9a-f]{64}$/.test(b.snapshotId))).toBe(true);
  });
});
