import { expect, it } from "vitest";
import { type ContractContext, expectStorageError, listKeys, patternBytes, sha256, stalledStream, streamOf } from "./driver-contract-helpers";

/**
 * writeNamedAtEnd, for drivers that offer it (packs stream to the device before their hash, their
 * name, is known): the object stays invisible while it streams, lands whole under the key named
 * after the last byte, and a bad key or a failing source leaves nothing, not even a temp file.
 */
export function namedAtEndTests(ctx: ContractContext): void {
  const writeNamedAtEnd = (...args: Parameters<NonNullable<ContractContext["driver"]["writeNamedAtEnd"]>>) => {
    const method = ctx.driver.writeNamedAtEnd;
    if (!method) throw new Error("this driver has no writeNamedAtEnd: do not run these tests for it");
    return method.apply(ctx.driver, args);
  };

  it("streams an object invisibly, then stores it under the key named at the end, in a new directory", async () => {
    const first = patternBytes(70_000, 31);
    const rest = patternBytes(50_000, 32);
    const stalled = stalledStream(first, rest);
    let named = 0;
    const writing = writeNamedAtEnd("data/", stalled.stream, () => {
      named += 1;
      return `data/${sha256(Buffer.concat([first, rest])).slice(0, 2)}/${sha256(Buffer.concat([first, rest]))}`;
    });
    await stalled.pulled;
    expect(named).toBe(0);
    expect(await listKeys(ctx.driver, "")).toEqual([]);
    expect(await ctx.driver.sweepTemp(60_000)).toBe(0);
    stalled.release();
    const key = await writing;
    const whole = Buffer.concat([first, rest]);
    expect(key).toBe(`data/${sha256(whole).slice(0, 2)}/${sha256(whole)}`);
    expect(named).toBe(1);
    expect(sha256(await ctx.driver.read(key))).toBe(sha256(whole));
    expect(await listKeys(ctx.driver, "")).toEqual([key]);
    expect(await ctx.driver.sweepTemp(0)).toBe(0);
  });

  it("replaces an object already under the named key", async () => {
    await ctx.driver.write("data/aa/same", Buffer.from("old"));
    const key = await writeNamedAtEnd("data/", streamOf(patternBytes(20_000, 33)), () => "data/aa/same");
    expect(key).toBe("data/aa/same");
    expect((await ctx.driver.read(key)).equals(patternBytes(20_000, 33))).toBe(true);
  });

  it("refuses a key outside the prefix or an invalid one, storing nothing", async () => {
    for (const bad of ["index/escaped", "data/../x", "data/a b"]) {
      await expectStorageError(writeNamedAtEnd("data/", streamOf(patternBytes(5_000, 34)), () => bad), "invalid_key");
    }
    await expectStorageError(writeNamedAtEnd("../", streamOf(Buffer.from("x")), () => "x"), "invalid_key");
    expect(await listKeys(ctx.driver, "")).toEqual([]);
    expect(await ctx.driver.sweepTemp(0)).toBe(0);
  });

  it("rethrows the source's error, never names the object, and leaves nothing behind", async () => {
    const failure = new Error("the pack worker failed");
    async function* failing(): AsyncGenerator<Buffer> {
      yield patternBytes(40_000, 35);
      throw failure;
    }
    let named = false;
    const result = await writeNamedAtEnd("data/", failing(), () => {
      named = true;
      return "data/bb/never";
    }).catch((error: unknown) => error);
    expect(result).toBe(failure);
    expect(named).toBe(false);
    expect(await listKeys(ctx.driver, "")).toEqual([]);
    expect(await ctx.driver.sweepTemp(0)).toBe(0);
  });
}
