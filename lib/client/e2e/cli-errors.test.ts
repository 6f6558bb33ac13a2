import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openTestRepository } from "../test-support/test-repository";
import { seededBytes } from "../test-support/make-source-tree";
import { cliEnv, cliPath, jsonLines, spawnCli, startCli } from "../test-support/spawn-cli";
import { tempDir } from "../test-support/temp-dir";

const isRoot = process.getuid?.() === 0;
// As root the unreadable-file test runs the client as `nobody`, which needs to reach this checkout;
// a checkout under a private directory (a 0700 temp dir) cannot be run that way, so the test skips.
const nobodyCanRunCli = !isRoot || spawnSync("test", ["-r", cliPath, "-a", "-r", path.join(path.dirname(cliPath), "../node_modules/tsx/package.json")], { uid: 65534, gid: 65534 }).status === 0;

async function logs(repo: string): Promise<{ kind: string; status: string; entries: { level: string; path: string | null; message: string }[] }[]> {
  const dir = path.join(repo, "logs");
  const names = (await fs.readdir(dir)).sort();
  return Promise.all(names.map(async (n) => JSON.parse(await fs.readFile(path.join(dir, n), "utf8"))));
}

describe("strongroom errors", () => {
  let root: string;
  let repo: string;
  let src: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    root = await tempDir("errors");
    // Readable by the unprivileged user the unreadable-file test runs as.
    await fs.chmod(root, 0o755);
    repo = path.join(root, "repo");
    src = path.join(root, "src");
    await fs.mkdir(src);
    await fs.writeFile(path.join(src, "a.txt"), "a\n");
    env = cliEnv(repo);
    expect((await spawnCli(["init"], env)).code).toBe(0);
  });

  it("says the passphrase is wrong, and never prints it", async () => {
    const run = await spawnCli(["snapshots"], { ...env, STRONGROOM_PASSWORD: "not the passphrase" });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("strongroom: Wrong passphrase: no key of this repository opens with it.\n");
    expect(run.stdout + run.stderr).not.toContain("not the passphrase");
  });

  it("reads the passphrase from --password-file", async () => {
    const file = path.join(root, "pass");
    await fs.writeFile(file, "test passphrase\n");
    const { STRONGROOM_PASSWORD: _drop, ...noPassword } = env;
    const run = await spawnCli(["snapshots", "--password-file", file], noPassword);
    expect(run.code).toBe(0);
    const none = await spawnCli(["snapshots"], noPassword);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("no passphrase: set STRONGROOM_PASSWORD or use --password-file FILE");
  });

  it("stops writing, without a crash, when the reader of its output goes away (strongroom snapshots | head)", async () => {
    const { child, result } = startCli(["snapshots"], env);
    child.stdout?.destroy(); // The reader is gone before the first line: every write is EPIPE.
    const run = await result;
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled 'error'/);
    expect(run.code).toBe(0);
  });

  it("says a directory is not a repository", async () => {
    const run = await spawnCli(["backup", src], { ...env, STRONGROOM_REPO: src });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`strongroom: ${src}: No Strongroom repository here (no config object).\n`);
    const missing = await spawnCli(["snapshots", "--repo", path.join(root, "nothing")], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("No Strongroom repository here");
  });

  it("refuses a repository of a newer format version", async () => {
    const newer = path.join(root, "newer");
    await fs.cp(repo, newer, { recursive: true });
    const config = JSON.parse(await fs.readFile(path.join(newer, "config"), "utf8")) as { version: number };
    await fs.writeFile(path.join(newer, "config"), JSON.stringify({ ...config, version: 2 }));
    const run = await spawnCli(["snapshots", "--repo", newer], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("format version 2");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("explains usage errors in one line", async () => {
    const { STRONGROOM_REPO: _drop, ...noRepo } = env;
    const cases: [string[], string][] = [
      [["snapshots"], "no repository given: use --repo PATH or set STRONGROOM_REPO"],
      [["frobnicate"], 'unknown command "frobnicate"'],
      [["backup", "--frobnicate", src], "unknown flag --frobnicate for backup"],
      [["restore", "latest"], "--target DIR is required"],
      [["forget"], "give at least one --keep-* flag"],
      [["forget", "--keep-last", "x"], "--keep-last needs a whole number"],
    ];
    for (const [args, message] of cases) {
      const run = await spawnCli(args, noRepo);
      expect(run.code, args.join(" ")).toBe(1);
      expect(run.stderr).toContain(message);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    }
    const json = await spawnCli(["--json", "snapshots"], noRepo);
    expect(JSON.parse(json.stderr)).toEqual({ message_type: "exit_error", code: 1, message: "no repository given: use --repo PATH or set STRONGROOM_REPO" });
  });

  it("names the holder of a lock that blocks it", async () => {
    const holder = await openTestRepository(repo);
    const lock = await holder.lock("exclusive");
    try {
      const run = await spawnCli(["backup", src], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`exclusive lock by pid ${process.pid} on ${os.hostname()}`);
    } finally {
      await lock.release();
      await holder.close();
    }
  });

  it.skipIf(!nobodyCanRunCli)("backs up what it can read, warns about the rest and exits 3", async () => {
    const unreadable = path.join(src, "secret.txt");
    await fs.writeFile(unreadable, "secret\n", { mode: 0o000 });
    await fs.chmod(unreadable, 0o000);
    // root reads anything: run the client as an unprivileged user so the denial is real.
    const asUser = isRoot ? { uid: 65534, gid: 65534 } : {};
    if (isRoot) await chownTree(repo, 65534, 65534);
    const run = await spawnCli(["backup", src], env, asUser);
    if (isRoot) await chownTree(repo, 0, 0);
    expect(run.stderr).toContain(`warning: ${unreadable}: not backed up: permission denied`);
    expect(run.code).toBe(3);
    const last = (await logs(repo)).at(-1);
    expect(last).toMatchObject({ kind: "backup", status: "warning" });
    expect(last?.entries).toContainEqual(expect.objectContaining({ level: "warning", path: unreadable, message: "not backed up: permission denied" }));
    const ls = await spawnCli(["ls", "latest"], env);
    expect(ls.stdout).toContain(path.join(src, "a.txt"));
    expect(ls.stdout).not.toContain("secret.txt");
    await fs.rm(unreadable);
  });

  it("records an interrupted backup and writes no snapshot on SIGTERM", async () => {
    const big = path.join(root, "big-src");
    await fs.mkdir(big);
    for (let i = 0; i < 3; i += 1) await fs.writeFile(path.join(big, `f${i}`), seededBytes(16 * 1024 * 1024, i));
    const before = (await fs.readdir(path.join(repo, "snapshots")).catch(() => [])).length;
    const { child, result } = startCli(["backup", "--json", big], env);
    child.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes('"message_type":"status"')) child.kill("SIGTERM");
    });
    const run = await result;
    expect(run.code).toBe(130);
    expect(run.stderr).toContain("interrupted");
    expect(jsonLines(run.stdout).find((l) => l.message_type === "activity")).toMatchObject({ status: "interrupted", snapshotId: null });
    expect((await logs(repo)).at(-1)).toMatchObject({ kind: "backup", status: "interrupted" });
    expect((await fs.readdir(path.join(repo, "snapshots")).catch(() => [])).length).toBe(before);
    expect(await fs.readdir(path.join(repo, "locks"))).toEqual([]);
  });
});

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await fs.chown(dir, uid, gid);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(full, uid, gid);
    else await fs.chown(full, uid, gid);
  }
}
