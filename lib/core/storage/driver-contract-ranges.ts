import { expect, it } from "vitest";
import { type ContractContext, expectStorageError, patternBytes } from "./driver-contract-helpers";

/** readRange: the read that restores use to fetch one chunk out of a pack. */
export function rangeTests(ctx: ContractContext): void {
  const data = patternBytes(1000, 11);
  const slice = (offset: number, length: number) => data.subarray(offset, offset + length);

  it("reads ranges at the start, middle, end and the whole object", async () => {
    await ctx.driver.write("pack", data);
    for (const [offset, length] of [[0, 1], [0, 10], [123, 456], [990, 10], [999, 1], [0, 1000]]) {
      const got = await ctx.driver.readRange("pack", offset!, length!);
      expect(got.equals(slice(offset!, length!)), `range ${offset}+${length}`).toBe(true);
    }
  });

  it("reads empty ranges inside and at the very end", async () => {
    await ctx.driver.write("pack", data);
    expect((await ctx.driver.readRange("pack", 0, 0)).byteLength).toBe(0);
    expect((await ctx.driver.readRange("pack", 500, 0)).byteLength).toBe(0);
    expect((await ctx.driver.readRange("pack", 1000, 0)).byteLength).toBe(0);
  });

  it("refuses ranges past the end or malformed with out_of_range", async () => {
    await ctx.driver.write("pack", data);
    const bad: Array<[number, number]> = [
      [1001, 0], [1000, 1], [999, 2], [0, 1001], [-1, 1], [0, -1], [1.5, 1], [0, Number.NaN],
      // Too large to allocate: refused by the range check, never by a RangeError from Buffer.
      [0, 2 ** 40],
    ];
    for (const [offset, length] of bad) {
      await expectStorageError(ctx.driver.readRange("pack", offset, length), "out_of_range");
    }
  });

  it("reads ranges of an empty object only at 0+0", async () => {
    await ctx.driver.write("empty", Buffer.alloc(0));
    expect((await ctx.driver.readRange("empty", 0, 0)).byteLength).toBe(0);
    await expectStorageError(ctx.driver.readRange("empty", 0, 1), "out_of_range");
  });

  it("answers not_found before looking at the range", async () => {
    await expectStorageError(ctx.driver.readRange("absent", 5000, 1), "not_found");
  });
}

/**
 * readRangeInto, for drivers that offer it: the same ranges and errors as readRange, the bytes
 * landing exactly in the caller's buffer (here a window of a larger shared buffer, as restore's
 * ring hands out) and nowhere around it.
 */
export function rangeIntoTests(ctx: ContractContext): void {
  const data = patternBytes(1000, 12);
  const readInto = (key: string, offset: number, into: Uint8Array) => {
    const method = ctx.driver.readRangeInto;
    if (!method) throw new Error("this driver has no readRangeInto: do not run these tests for it");
    return method.call(ctx.driver, key, offset, into);
  };

  it("fills a window of a shared buffer with the range, touching nothing around it", async () => {
    await ctx.driver.write("pack", data);
    const shared = Buffer.from(new SharedArrayBuffer(1200)).fill(0xee);
    for (const [offset, length] of [[0, 1], [123, 456], [990, 10], [0, 1000], [500, 0]]) {
      shared.fill(0xee);
      await readInto("pack", offset!, shared.subarray(100, 100 + length!));
      expect(shared.subarray(100, 100 + length!).equals(data.subarray(offset!, offset! + length!)), `range ${offset}+${length}`).toBe(true);
      expect(shared.subarray(0, 100).every((b) => b === 0xee)).toBe(true);
      expect(shared.subarray(100 + length!).every((b) => b === 0xee)).toBe(true);
    }
  });

  it("refuses ranges past the end with out_of_range and absent objects with not_found", async () => {
    await ctx.driver.write("pack", data);
    for (const [offset, length] of [[1001, 0], [1000, 1], [999, 2], [0, 1001], [-1, 1], [1.5, 1]]) {
      await expectStorageError(readInto("pack", offset!, Buffer.alloc(length!)), "out_of_range");
    }
    await expectStorageError(readInto("absent", 0, Buffer.alloc(1)), "not_found");
  });
}
