import { expect, it } from "vitest";
import {
  type ContractContext,
  listKeys,
  patternBytes,
  stalledStream,
} from "./driver-contract-helpers";
import { StorageError } from "./driver";

/**
 * A write in progress is a temp object: invisible under its key and to list(), and removable by
 * sweepTemp() once it has stalled long enough. Drivers without temp files model it the same way,
 * so the engine's stale-upload handling can be tested on any of them.
 */
export function tempTests(ctx: ContractContext): void {
  it("sweeps nothing on a clean device and never touches objects", async () => {
    await ctx.driver.write("keep/me", Buffer.from("safe"));
    expect(await ctx.driver.sweepTemp(0)).toBe(0);
    expect((await ctx.driver.read("keep/me")).toString()).toBe("safe");
  });

  it("keeps a write in progress invisible, then shows it complete", async () => {
    await ctx.driver.write("obj", Buffer.from("v1"));
    const first = patternBytes(70_000, 21);
    const rest = patternBytes(30_000, 22);
    const stalled = stalledStream(first, rest);
    const writing = ctx.driver.write("obj", stalled.stream);
    const fresh = ctx.driver.write("new/obj", Buffer.from("x"));
    await stalled.pulled;
    await fresh;

    expect((await ctx.driver.read("obj")).toString()).toBe("v1");
    expect(await ctx.driver.stat("obj")).toMatchObject({ size: 2 });
    expect(await listKeys(ctx.driver, "")).toEqual(["new/obj", "obj"]);
    // A writer that is still within its time budget is not swept.
    expect(await ctx.driver.sweepTemp(60_000)).toBe(0);

    stalled.release();
    await writing;
    expect((await ctx.driver.read("obj")).equals(Buffer.concat([first, rest]))).toBe(true);
    expect(await ctx.driver.sweepTemp(0)).toBe(0);
  });

  it("sweeps a stalled write, whose write() then fails without creating the key", async () => {
    const stalled = stalledStream(patternBytes(50_000, 23), patternBytes(10, 24));
    const writing = ctx.driver.write("stale/upload", stalled.stream);
    await stalled.pulled;
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(await ctx.driver.sweepTemp(10)).toBe(1);
    stalled.release();
    await expect(writing).rejects.toBeInstanceOf(StorageError);
    expect(await ctx.driver.stat("stale/upload")).toBeNull();
    expect(await listKeys(ctx.driver, "")).toEqual([]);
    expect(await ctx.driver.sweepTemp(0)).toBe(0);
  });
}
