import { afterEach, describe, expect, it } from "vitest";
import { readdir } from "node:fs/promises";
import { SMALL, initSmall, memoryDriver, pieces, pseudoRandom, shortReads } from "./test-helpers";
import type { Repository } from "./types";

describe("hashedChunks (cutting and hashing on the chunk worker)", () => {
  let repo: Repository | null = null;
  afterEach(async () => {
    await repo?.close();
    repo = null;
  });

  it("yields the chunker's chunks with their blob ids, for short reads of any size and empty input", async () => {
    repo = await initSmall(memoryDriver());
    const data = pseudoRandom(1_500_000, 7);
    const input = Buffer.concat([data, Buffer.alloc(300_000), data.subarray(0, 99_999)]);
    const expected: string[] = [];
    for await (const c of repo.chunker().chunk(pieces(input))) expected.push(`${c.length}:${repo.blobId(c)}`);
    expect(expected.length).toBeGreaterThan(20);
    for (const readSize of [1000, 40_000, 200_000, 1024 * 1024]) {
      const got: string[] = [];
      let joined = Buffer.alloc(0);
      for await (const { data: chunk, id } of repo.hashedChunks(shortReads(input), readSize)) {
        got.push(`${chunk.length}:${id}`);
        joined = Buffer.concat([joined, chunk]);
      }
      expect(got).toEqual(expected);
      expect(joined.equals(input)).toBe(true);
    }
    const empty: unknown[] = [];
    for await (const c of repo.hashedChunks(async () => 0)) empty.push(c);
    expect(empty).toEqual([]);
  });

  it("hashes a file shorter than the minimum chunk size on the calling thread, without starting the worker", async () => {
    repo = await initSmall(memoryDriver());
    const threads = async () => (await readdir("/proc/self/task")).length;
    const before = await threads();
    const small = [pseudoRandom(5_000, 3), pseudoRandom(SMALL.chunker.minSize - 1, 4), Buffer.from("x")];
    for (const data of small) {
      const got: string[] = [];
      for await (const { data: chunk, id } of repo.hashedChunks(shortReads(data), 1000)) got.push(`${chunk.length}:${id}`);
      expect(got).toEqual([`${data.length}:${repo.blobId(data)}`]);
    }
    expect(await threads()).toBe(before);
    // The same check sees the worker start once a file reaches the minimum size.
    for await (const _ of repo.hashedChunks(shortReads(pseudoRandom(SMALL.chunker.minSize, 5)), 1000)) void _;
    expect(await threads()).toBeGreaterThan(before);
  });

  it("serves several files at once and fails a read error to its own caller only", async () => {
    repo = await initSmall(memoryDriver());
    const open = repo;
    const files = [1, 2, 3].map((seed) => pseudoRandom(400_000 + seed * 10_000, seed));
    const idsOf = async (read: (into: Uint8Array) => Promise<number>) => {
      const ids: string[] = [];
      for await (const { id } of open.hashedChunks(read, 64 * 1024)) ids.push(id);
      return ids;
    };
    const failing = idsOf(async () => Promise.reject(new Error("EIO"))).then(
      () => "no error",
      (error: Error) => error.message,
    );
    const results = await Promise.all(files.map((f) => idsOf(shortReads(f))));
    expect(await failing).toBe("EIO");
    for (const [i, f] of files.entries()) {
      const sequential: string[] = [];
      for await (const c of open.chunker().chunk(pieces(f))) sequential.push(open.blobId(c));
      expect(results[i]).toEqual(sequential);
    }
  });
});
