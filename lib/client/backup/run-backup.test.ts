import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createMemorySink, startActivity } from "../../core/activity";
import { CHUNK_READ_BYTES, type Repository } from "../../core/repository";
import { seededBytes } from "../test-support/make-source-tree";
import { tempDir } from "../test-support/temp-dir";
import { initTestRepository, openTestRepository } from "../test-support/test-repository";
import { InterruptedError } from "../util/interrupted";
import { Semaphore } from "../util/semaphore";
import { emptyCounters, type BackupState } from "./backup-state";
import { nodeFromStat } from "./node-from-stat";
import { runBackup } from "./run-backup";
import { saveFile } from "./save-file";

describe("runBackup (library)", () => {
  let root: string;
  let src: string;
  let repo: Repository;

  beforeAll(async () => {
    root = await tempDir("backup-lib");
    src = path.join(root, "src");
    await fs.mkdir(src);
    for (let i = 0; i < 5; i += 1) await fs.writeFile(path.join(src, `f${i}.bin`), seededBytes(100_000, i));
    await fs.mkdir(path.join(root, "repo"));
    await initTestRepository(path.join(root, "repo"));
    repo = await openTestRepository(path.join(root, "repo"));
    return () => repo.close();
  });

  async function backup(over: Repository = repo, signal?: AbortSignal) {
    const sink = createMemorySink();
    const result = await runBackup(over, await startActivity("backup", sink), { paths: [src], ...(signal ? { signal } : {}) });
    return { result, record: sink.records[0] };
  }

  it("reuses unchanged files, but reads again a file whose blobs the index no longer has", async () => {
    const first = await backup();
    expect(first.result.counters).toMatchObject({ filesNew: 5, filesRead: 5 });
    const second = await backup();
    expect(second.result.counters).toMatchObject({ filesUnmodified: 5, filesRead: 0, bytesRead: 0 });
    // As after an index repair dropped a damaged pack: f2's blobs are unknown.
    const tree = await repo.loadTree((await repo.loadSnapshot("latest")).tree);
    const f2 = await findFile(repo, tree.nodes, [...src.split("/").filter(Boolean), "f2.bin"]);
    const forgetful: Repository = Object.create(repo, { hasBlob: { value: (id: string) => !f2.includes(id) && repo.hasBlob(id) } });
    const third = await backup(forgetful);
    expect(third.result.counters).toMatchObject({ filesUnmodified: 5, filesRead: 1, bytesRead: 100_000 });
  });

  it("reads at most two files longer than one read at once, whatever the read concurrency", async () => {
    const large = path.join(root, "large");
    await fs.mkdir(large);
    for (let i = 0; i < 6; i += 1) await fs.writeFile(path.join(large, `l${i}.bin`), seededBytes(CHUNK_READ_BYTES + 300_000, 10 + i));
    let open = 0;
    let most = 0;
    const counting: Repository = Object.create(repo, {
      hashedChunks: {
        value: async function* (...args: Parameters<Repository["hashedChunks"]>) {
          most = Math.max(most, ++open);
          try {
            yield* repo.hashedChunks(...args);
          } finally {
            open -= 1;
          }
        },
      },
    });
    const result = await runBackup(counting, await startActivity("backup", createMemorySink()), { paths: [large], readConcurrency: 4 });
    expect(result.counters).toMatchObject({ filesNew: 6, filesRead: 6 });
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(2);
  });

  it("turns a file that vanished before it was read into a warning", async () => {
    const sink = createMemorySink();
    const activity = await startActivity("backup", sink);
    const state: BackupState = { repo, activity, excluded: () => false, readers: new Semaphore(1), largeReaders: new Semaphore(1), force: false, signal: undefined, counters: emptyCounters(), current: null, failure: null };
    const gone = path.join(src, "gone.bin");
    await fs.writeFile(gone, "x");
    const node = nodeFromStat("gone.bin", "file", await fs.lstat(gone, { bigint: true }));
    await fs.rm(gone);
    expect(await saveFile(state, gone, node, undefined)).toBeNull();
    expect(activity.entries).toEqual([expect.objectContaining({ level: "warning", path: gone, message: "not backed up: vanished while being read" })]);
    expect(state.counters.skipped).toBe(1);
  });

  it("notes a FIFO as skipped without opening it, and still ends as success", async () => {
    const fifo = path.join(src, "pipe");
    execFileSync("mkfifo", [fifo]);
    try {
      const { record } = await backup();
      expect(record).toMatchObject({ status: "success", warningCount: 0 });
      expect(record?.entries).toContainEqual(expect.objectContaining({ level: "info", path: fifo }));
    } finally {
      await fs.rm(fifo);
    }
  });

  it("writes no snapshot when interrupted, and records the activity as interrupted", async () => {
    const before = (await repo.listSnapshots()).length;
    const controller = new AbortController();
    controller.abort();
    const sink = createMemorySink();
    await expect(runBackup(repo, await startActivity("backup", sink), { paths: [src], signal: controller.signal })).rejects.toBeInstanceOf(InterruptedError);
    expect(sink.records[0]).toMatchObject({ status: "interrupted", snapshotId: null });
    expect(await repo.listSnapshots()).toHaveLength(before);
    expect(await repo.listLocks()).toEqual([]);
  });
});

/** The content list of the file at `parts` below a root tree's nodes. */
async function findFile(repo: Repository, nodes: { name: string; type: string; subtree?: string; content?: string[] }[], parts: string[]): Promise<string[]> {
  const [head, ...rest] = parts;
  const node = nodes.find((n) => n.name === head);
  if (!node) throw new Error(`no ${head}`);
  if (rest.length === 0) return node.content ?? [];
  return findFile(repo, (await repo.loadTree(node.subtree as string)).nodes, rest);
}
