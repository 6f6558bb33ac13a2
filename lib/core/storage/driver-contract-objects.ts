import { expect, it } from "vitest";
import {
  type ContractContext,
  expectStorageError,
  listKeys,
  patternBytes,
  streamOf,
} from "./driver-contract-helpers";

/** Write, read back, overwrite, stat, delete: the life of one object. */
export function objectTests(ctx: ContractContext): void {
  it("reads back what was written from a Buffer, including an empty object", async () => {
    const data = patternBytes(10_000, 1);
    await ctx.driver.write("snapshots/one", data);
    await ctx.driver.write("empty", Buffer.alloc(0));
    expect((await ctx.driver.read("snapshots/one")).equals(data)).toBe(true);
    expect((await ctx.driver.read("empty")).byteLength).toBe(0);
  });

  it("reads back what was written from a stream of uneven chunks", async () => {
    const data = patternBytes(100_003, 2);
    await ctx.driver.write("data/ab/streamed", streamOf(data, 4096));
    expect((await ctx.driver.read("data/ab/streamed")).equals(data)).toBe(true);
  });

  it("overwrites the whole object, leaving no tail of a longer old version", async () => {
    await ctx.driver.write("index/0", patternBytes(5000, 3));
    const shorter = patternBytes(100, 4);
    await ctx.driver.write("index/0", shorter);
    expect((await ctx.driver.read("index/0")).equals(shorter)).toBe(true);
    expect(await ctx.driver.stat("index/0")).toMatchObject({ size: 100 });
  });

  it("is not changed by callers mutating the buffers they passed in or got back", async () => {
    const data = patternBytes(64, 5);
    const original = Buffer.from(data);
    await ctx.driver.write("k", data);
    data.fill(0);
    (await ctx.driver.read("k")).fill(1);
    (await ctx.driver.readRange("k", 0, 8)).fill(2);
    expect((await ctx.driver.read("k")).equals(original)).toBe(true);
  });

  it("answers not_found (read) and null (stat) for absent objects", async () => {
    await expectStorageError(ctx.driver.read("nope"), "not_found");
    await expectStorageError(ctx.driver.read("no/such/dir/key"), "not_found");
    await expectStorageError(ctx.driver.readRange("nope", 0, 0), "not_found");
    expect(await ctx.driver.stat("nope")).toBeNull();
  });

  it("treats a prefix of other keys as no object", async () => {
    await ctx.driver.write("p/q", Buffer.from("q"));
    await expectStorageError(ctx.driver.read("p"), "not_found");
    await expectStorageError(ctx.driver.readRange("p", 0, 0), "not_found");
    expect(await ctx.driver.stat("p")).toBeNull();
    await ctx.driver.delete("p");
    expect((await ctx.driver.read("p/q")).toString()).toBe("q");
  });

  it("refuses a key that is also a prefix of other keys, or lies below an object", async () => {
    // A disk cannot hold file "p" and directory "p/" at once; every driver refuses the same way.
    await ctx.driver.write("p/q", Buffer.from("q"));
    await expectStorageError(ctx.driver.write("p", Buffer.from("p")), "invalid_key");
    await expectStorageError(ctx.driver.write("p/q/r", Buffer.from("r")), "invalid_key");
    expect((await ctx.driver.read("p/q")).toString()).toBe("q");
    expect(await listKeys(ctx.driver, "")).toEqual(["p/q"]);
  });

  it("stats size and a current modification time", async () => {
    const before = Date.now();
    await ctx.driver.write("s/t", patternBytes(1234, 6));
    const stat = await ctx.driver.stat("s/t");
    expect(stat?.size).toBe(1234);
    expect(stat?.mtime).toBeInstanceOf(Date);
    // File systems round timestamps (to 1 s on some NFS servers); allow for it.
    expect(stat?.mtime.getTime()).toBeGreaterThanOrEqual(before - 2000);
    expect(stat?.mtime.getTime()).toBeLessThanOrEqual(Date.now() + 2000);
  });

  it("deletes, idempotently, and can write the key again", async () => {
    await ctx.driver.write("d/x", Buffer.from("1"));
    await ctx.driver.delete("d/x");
    await ctx.driver.delete("d/x");
    await ctx.driver.delete("never/written");
    expect(await ctx.driver.stat("d/x")).toBeNull();
    expect(await listKeys(ctx.driver, "")).toEqual([]);
    await ctx.driver.write("d/x", Buffer.from("2"));
    expect((await ctx.driver.read("d/x")).toString()).toBe("2");
  });

  it("rethrows the caller's stream error and leaves nothing behind", async () => {
    await ctx.driver.write("f", Buffer.from("old"));
    const boom = new Error("client went away");
    async function* failing(): AsyncGenerator<Buffer> {
      yield patternBytes(50_000, 7);
      throw boom;
    }
    await expect(ctx.driver.write("f", failing())).rejects.toBe(boom);
    await expect(ctx.driver.write("g/h", failing())).rejects.toBe(boom);
    expect((await ctx.driver.read("f")).toString()).toBe("old");
    expect(await ctx.driver.stat("g/h")).toBeNull();
    expect(await ctx.driver.sweepTemp(0)).toBe(0);
  });
}
