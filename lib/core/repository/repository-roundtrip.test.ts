import { mkdtemp, open, readFile as readFileFs, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openRepository } from "./open-repository";
import { initSmall, memoryDriver, pseudoRandom, readFile, saveFile, tempDriver } from "./test-helpers";
import type { Tree } from "./types";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function withFd<T>(file: string, flags: string, withIt: (fd: number) => Promise<T>): Promise<T> {
  const handle = await open(file, flags);
  try {
    return await withIt(handle.fd);
  } finally {
    await handle.close();
  }
}

describe("repository round trip", () => {
  it("stores blobs, trees and snapshots in a real directory and reads them back after reopening", async () => {
    const { driver, cleanup } = await tempDriver();
    cleanups.push(cleanup);
    const repo = await initSmall(driver);
    const big = pseudoRandom(1_500_000, 7);
    const text = Buffer.from("hello strongroom\n".repeat(50_000));
    const bigIds = await saveFile(repo, big);
    const textIds = await saveFile(repo, text);
    const sub: Tree = { nodes: [{ name: "b.txt", type: "file", mode: 0o644, mtimeNs: "1700000000123456789", size: text.length, content: textIds }] };
    const subId = await repo.saveTree(sub);
    const root: Tree = {
      nodes: [
        { name: "z-link", type: "symlink", mode: 0o777, mtimeNs: "1", size: 0, linkTarget: "../elsewhere" },
        { name: "a.bin", type: "file", mode: 0o600, mtimeNs: "2", size: big.length, content: bigIds, uid: 1000, gid: 1000 },
        { name: "dir", type: "dir", mode: 0o755, mtimeNs: "3", size: 0, subtree: subId },
      ],
    };
    const rootId = await repo.saveTree(root);
    const snapId = await repo.saveSnapshot({ time: "2025-01-02T03:04:05.678Z", tree: rootId, paths: ["/home/a"], hostname: "h1" });
    expect(repo.stats().packsWritten).toBeGreaterThan(2);
    expect(repo.stats().bytesStored).toBeLessThan(big.length + text.length);
    await repo.close();

    const again = await openRepository(driver, { passphrase: "correct horse" });
    const snap = await again.loadSnapshot("latest");
    expect(snap.id).toBe(snapId);
    expect((await again.loadSnapshot(snapId.slice(0, 8))).tree).toBe(rootId);
    const tree = await again.loadTree(snap.tree);
    expect(tree.nodes.map((n) => n.name)).toEqual(["a.bin", "dir", "z-link"]);
    const a = tree.nodes[0]!;
    expect((await readFile(again, a.content!)).equals(big)).toBe(true);
    const subTree = await again.loadTree(tree.nodes[1]!.subtree!);
    expect(subTree.nodes[0]!.mtimeNs).toBe("1700000000123456789");
    expect((await readFile(again, subTree.nodes[0]!.content!)).equals(text)).toBe(true);
    expect(tree.nodes[2]!.linkTarget).toBe("../elsewhere");
    expect((await again.listSnapshots()).map((s) => s.id)).toEqual([snapId]);
  });

  it("deduplicates within a repository and keys ids per repository", async () => {
    const one = await initSmall(memoryDriver());
    const two = await initSmall(memoryDriver());
    const data = pseudoRandom(400_000, 3);
    const first = await saveFile(one, data);
    await one.flush();
    const before = one.stats();
    const second = await saveFile(one, data);
    await one.flush();
    const after = one.stats();
    expect(second).toEqual(first);
    expect(after.blobsNew).toBe(before.blobsNew);
    expect(after.bytesStored).toBe(before.bytesStored);
    expect(after.bytesDuplicate).toBe(data.length);
    const other = await saveFile(two, data);
    expect(other.some((id) => first.includes(id))).toBe(false);
    expect(one.blobId(data)).not.toBe(two.blobId(data));
  });

  it("saves correctly from a chunker that reuses its buffer (saveBlob copies before resolving)", async () => {
    const repo = await initSmall(memoryDriver(), { maxPendingBytes: 100_000 });
    const data = pseudoRandom(2_000_000, 11);
    const ids = await saveFile(repo, data, true);
    await repo.flush();
    expect((await readFile(repo, ids)).equals(data)).toBe(true);
    expect(await repo.check({ readData: true })).toMatchObject({ ok: true });
  });

  it("loadBlobs yields a file's blobs in order, and stops at a damaged one after the good ones", async () => {
    const driver = memoryDriver();
    const repo = await initSmall(driver);
    const data = pseudoRandom(1_200_000, 21);
    const ids = await saveFile(repo, data);
    await repo.flush();
    const parts: Buffer[] = [];
    for await (const part of repo.loadBlobs([...ids, ids[0]!], { prefetch: 2 })) parts.push(part);
    expect(Buffer.concat(parts).equals(Buffer.concat([data, parts[0]!]))).toBe(true);

    const report = await repo.check({ readData: false });
    expect(report.ok).toBe(true);
    let victim = "";
    for await (const key of driver.list("data/")) victim = key;
    const bytes = Buffer.from(await driver.read(victim));
    bytes[5] = bytes[5]! ^ 1; // The first blob of the last data pack.
    await driver.write(victim, bytes);
    const got: Buffer[] = [];
    const error = await (async () => {
      for await (const part of repo.loadBlobs(ids)) got.push(part);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "damaged" });
    expect((error as Error).message).toMatch(/^Blob [0-9a-f]{64} in pack data\/.* does not decrypt \(bytes altered, or not this blob\)\.$/);
    expect((error as { objects: string[] }).objects[0]).toBe(victim);
    expect(Buffer.concat(got).equals(data.subarray(0, Buffer.concat(got).length))).toBe(true);
  });

  it("writeBlobs writes a file's blobs to a descriptor, and a damaged blob or a failed write throws", async () => {
    const driver = memoryDriver();
    const repo = await initSmall(driver);
    const data = Buffer.concat([pseudoRandom(700_000, 22), Buffer.from("compressible text\n".repeat(40_000))]);
    const ids = await saveFile(repo, data);
    await repo.flush();
    const dir = await mkdtemp(path.join(tmpdir(), "write-blobs-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, "out");
    const landed: number[] = [];
    const written = await withFd(file, "w", (fd) => repo.writeBlobs(ids, fd, { prefetch: 2, onBytes: (n) => landed.push(n) }));
    expect(written).toBe(data.length);
    expect((await readFileFs(file)).equals(data)).toBe(true);
    expect(landed.reduce((a, b) => a + b, 0)).toBe(data.length);

    // A descriptor open for reading only: the write's errno comes back, with its code.
    await expect(withFd(file, "r", (fd) => repo.writeBlobs(ids, fd))).rejects.toMatchObject({ code: "EBADF" });

    let victim = "";
    for await (const key of driver.list("data/")) victim = key;
    const bytes = Buffer.from(await driver.read(victim));
    bytes[5] = bytes[5]! ^ 1; // The first blob of the last data pack.
    await driver.write(victim, bytes);
    const error = await withFd(path.join(dir, "damaged"), "w", (fd) => repo.writeBlobs(ids, fd)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "damaged" });
    expect((error as { objects: string[] }).objects[0]).toBe(victim);
    expect((error as Error).message).toMatch(/^Blob [0-9a-f]{64} in pack data\/.* does not decrypt \(bytes altered, or not this blob\)\.$/);
  });

  it("writeBlobs reads a blob longer than half the read ring into a buffer of its own", async () => {
    const repo = await initSmall(memoryDriver());
    const small = pseudoRandom(100_000, 24);
    // 9 MiB of random bytes, stored raw: more than half of the 16 MiB ring.
    const huge = pseudoRandom(9 * 1024 * 1024, 23);
    const ids = [(await repo.saveBlob("data", small)).id, (await repo.saveBlob("data", huge)).id];
    await repo.flush();
    const dir = await mkdtemp(path.join(tmpdir(), "write-blobs-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, "huge");
    expect(await withFd(file, "w", (fd) => repo.writeBlobs(ids, fd))).toBe(small.length + huge.length);
    expect((await readFileFs(file)).equals(Buffer.concat([small, huge]))).toBe(true);
  });

  it("keeps memory bounded: saveBlob waits when too many bytes are pending", async () => {
    const repo = await initSmall(memoryDriver(), { maxPendingBytes: 200_000 });
    for (let i = 0; i < 40; i++) await repo.saveBlob("data", pseudoRandom(50_000, i + 1));
    await repo.flush();
    expect(repo.stats().blobsNew).toBe(40);
    for (let i = 0; i < 40; i++) expect((await repo.loadBlob(repo.blobId(pseudoRandom(50_000, i + 1)))).length).toBe(50_000);
  });

  it("snapshots, deletes and resolves prefixes", async () => {
    const repo = await initSmall(memoryDriver());
    const tree = await repo.saveTree({ nodes: [] });
    const a = await repo.saveSnapshot({ time: "2025-01-01T00:00:00.000Z", tree, paths: ["/"], hostname: "h" });
    const b = await repo.saveSnapshot({ time: "2025-01-02T00:00:00.000Z", tree, paths: ["/"], hostname: "h" });
    expect((await repo.loadSnapshot("latest")).id).toBe(b);
    await repo.deleteSnapshot(b);
    expect((await repo.loadSnapshot("latest")).id).toBe(a);
    await expect(repo.loadSnapshot(b)).rejects.toMatchObject({ code: "not_found" });
    await expect(repo.deleteSnapshot(b)).rejects.toMatchObject({ code: "not_found" });
    await expect(repo.loadSnapshot("zz")).rejects.toMatchObject({ code: "invalid_argument" });
  });

  it("refuses unsafe tree names on save", async () => {
    const repo = await initSmall(memoryDriver());
    for (const name of ["..", ".", "", "a/b", "a\0b"]) {
      await expect(repo.saveTree({ nodes: [{ name, type: "dir", mode: 0o755, mtimeNs: "0", size: 0, subtree: "0".repeat(64) }] })).rejects.toMatchObject({ code: "invalid_argument" });
    }
  });
});
