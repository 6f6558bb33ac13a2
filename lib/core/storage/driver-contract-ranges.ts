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
