import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createMemorySink, startActivity } from "../../core/activity";
import type { Repository, Tree, TreeNode } from "../../core/repository";
import { tempDir } from "../test-support/temp-dir";
import { initTestRepository, openTestRepository } from "../test-support/test-repository";
import { runRestore } from "./run-restore";

const NOW_NS = `${Date.UTC(2020, 0, 1) * 1_000_000}`;

function fileNode(name: string, content: string[], size: number): TreeNode {
  return { name, type: "file", mode: 0o644, mtimeNs: NOW_NS, size, content };
}

function dirNode(name: string, subtree: string): TreeNode {
  return { name, type: "dir", mode: 0o755, mtimeNs: NOW_NS, size: 0, subtree };
}

/** Everything below dir, to prove a refused restore wrote nothing. */
async function listAll(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true }).catch(() => []);
  return entries.map(String).sort();
}

describe("restore refuses to write outside its target", () => {
  let root: string;
  let repo: Repository;
  let data: { id: string; size: number };
  let outside: string;

  beforeAll(async () => {
    root = await tempDir("restore-safety");
    await fs.mkdir(path.join(root, "repo"));
    await initTestRepository(path.join(root, "repo"));
    repo = await openTestRepository(path.join(root, "repo"));
    const bytes = Buffer.from("attacker-controlled bytes\n");
    data = { id: (await repo.saveBlob("data", bytes)).id, size: bytes.length };
    outside = path.join(root, "outside");
    await fs.mkdir(outside);
    await fs.writeFile(path.join(outside, "sentinel"), "untouched");
    return () => repo.close();
  });

  async function snapshotOf(rootTree: string): Promise<string> {
    return repo.saveSnapshot({ time: new Date().toISOString(), tree: rootTree, paths: ["/x"], hostname: "test" });
  }

  async function restore(snapshot: string, target: string, over: Repository = repo) {
    const sink = createMemorySink();
    const activity = await startActivity("restore", sink);
    const outcome = await runRestore(over, activity, { snapshot, target }).then(
      (r) => ({ ok: true as const, r }),
      (e: unknown) => ({ ok: false as const, e }),
    );
    return { outcome, record: sink.records[0] };
  }

  it("refuses a raw tree blob naming '..' (the format rejects it on load)", async () => {
    const raw = Buffer.from(JSON.stringify({ nodes: [fileNode("..", [data.id], data.size)] }));
    const evil = (await repo.saveBlob("tree", raw)).id;
    const target = path.join(root, "t1");
    const { outcome, record } = await restore(await snapshotOf(evil), target);
    expect(outcome.ok).toBe(false);
    expect(record).toMatchObject({ status: "failed" });
    expect(record?.summary).toMatch(/unsafe name/);
    expect(await listAll(target)).toEqual([]);
    expect(await listAll(root)).not.toContain("sentinel.txt");
  });

  // A repository that hands out unchecked trees, as a future or buggy format might: the restore
  // must refuse on its own.
  it.each([["..", ["..", "escape.txt"]], [".", [".", "x"]], ["a/b", ["a/b"]], ["/abs", ["/abs"]], ["nul\0byte", ["nul\0byte"]], ["", [""]]])(
    "refuses a manifest naming %j, writing nothing",
    async (label, names) => {
      // A chain of trees: names[0]/names[1]/…, the last one a file.
      const trees = new Map<string, Tree>();
      const treeId = (i: number) => String(i).padStart(64, "0");
      names.forEach((name, i) => {
        const last = i === names.length - 1;
        trees.set(treeId(i), { nodes: [last ? fileNode(name, [data.id], data.size) : dirNode(name, treeId(i + 1))] });
      });
      const unchecked: Repository = Object.create(repo, {
        loadTree: { value: async (treeId: string) => trees.get(treeId) ?? { nodes: [] } },
        loadSnapshot: { value: async () => ({ id: "e".repeat(64), time: "", tree: treeId(0), paths: [], hostname: "h" }) },
      });
      const target = path.join(root, `t-${Buffer.from(label).toString("hex")}`);
      const { outcome, record } = await restore("latest", target, unchecked);
      expect(outcome.ok).toBe(false);
      expect(record?.summary).toContain("refusing to restore");
      expect(await listAll(target)).toEqual([]);
      expect(await listAll(outside)).toEqual(["sentinel"]);
      expect(await listAll(root)).not.toContain("escape.txt");
    },
  );

  it("refuses to write through a symlinked directory already in the target", async () => {
    const inner = await repo.saveTree({ nodes: [fileNode("planted.txt", [data.id], data.size)] });
    const top = await repo.saveTree({ nodes: [dirNode("home", inner), fileNode("ok.txt", [data.id], data.size)] });
    const target = path.join(root, "t-symlink");
    await fs.mkdir(target);
    await fs.symlink(outside, path.join(target, "home"));
    const { outcome, record } = await restore(await snapshotOf(top), target);
    expect(outcome.ok).toBe(true);
    expect(record?.status).toBe("failed");
    expect(record?.entries).toContainEqual(expect.objectContaining({ level: "error", path: "/home", message: expect.stringContaining("is a symbolic link inside the target") }));
    expect(await listAll(outside)).toEqual(["sentinel"]);
    // The rest of the snapshot is still restored.
    expect(await fs.readFile(path.join(target, "ok.txt"), "utf8")).toBe("attacker-controlled bytes\n");
  });

  it("restores link targets that point outside as links, never following them", async () => {
    const link: TreeNode = { name: "escape", type: "symlink", mode: 0o777, mtimeNs: NOW_NS, size: 0, linkTarget: outside };
    const tree = await repo.saveTree({ nodes: [link] });
    const target = path.join(root, "t-link");
    const { outcome } = await restore(await snapshotOf(tree), target);
    expect(outcome.ok).toBe(true);
    expect(await fs.readlink(path.join(target, "escape"))).toBe(outside);
    expect(await listAll(outside)).toEqual(["sentinel"]);
  });
});
