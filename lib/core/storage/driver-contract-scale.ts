import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import { type ContractContext, listKeys, patternBytes, sha256 } from "./driver-contract-helpers";

/** Concurrency and volume: what an upload of many chunks in parallel does to a device. */
export function scaleTests(ctx: ContractContext): void {
  it("writes different keys concurrently, in new directories and one shared one", async () => {
    const keys = Array.from({ length: 60 }, (_, i) =>
      i % 2 === 0 ? `shared/dir/k${i}` : `own/d${i}/k${i}`,
    );
    await Promise.all(keys.map((key, i) => ctx.driver.write(key, patternBytes(3000 + i, i + 1))));
    for (const [i, key] of keys.entries()) {
      expect((await ctx.driver.read(key)).equals(patternBytes(3000 + i, i + 1)), key).toBe(true);
    }
  });

  it("ends with exactly one complete version when one key is written concurrently", async () => {
    const versions = Array.from({ length: 8 }, (_, i) => patternBytes(20_000 + i * 1000, 100 + i));
    await Promise.all(versions.map((data) => ctx.driver.write("race/key", data)));
    const stored = sha256(await ctx.driver.read("race/key"));
    expect(versions.map(sha256)).toContain(stored);
    expect(await listKeys(ctx.driver, "race/")).toEqual(["race/key"]);
  });

  it("holds 200 small objects", async () => {
    const keys = Array.from({ length: 200 }, (_, i) => `data/${(i % 16).toString(16)}/obj-${i}`);
    for (let i = 0; i < keys.length; i += 20) {
      await Promise.all(keys.slice(i, i + 20).map((key) => ctx.driver.write(key, Buffer.from(key))));
    }
    expect(await listKeys(ctx.driver, "data/")).toEqual([...keys].sort());
    for (const key of keys) expect((await ctx.driver.read(key)).toString()).toBe(key);
  });

  it("streams a 20 MiB object from a source that reuses its buffer", async () => {
    const total = 20 * 1024 * 1024;
    const expected = createHash("sha256");
    // Like a file read stream with a pooled buffer: each chunk is overwritten after it is taken.
    async function* source(): AsyncGenerator<Buffer> {
      const buffer = Buffer.allocUnsafe(65_536);
      for (let sent = 0, n = 0; sent < total; n += 1) {
        const size = Math.min(buffer.byteLength - (n % 7), total - sent);
        patternBytes(size, n + 1).copy(buffer);
        expected.update(buffer.subarray(0, size));
        yield buffer.subarray(0, size);
        sent += size;
      }
    }
    await ctx.driver.write("packs/big", source());
    const stored = await ctx.driver.read("packs/big");
    expect(stored.byteLength).toBe(total);
    expect(sha256(stored)).toBe(expected.digest("hex"));
    expect(await ctx.driver.stat("packs/big")).toMatchObject({ size: total });
  });

  it("reports a sane capacity", async () => {
    const { totalBytes, freeBytes } = await ctx.driver.statfs();
    expect(Number.isSafeInteger(totalBytes) && Number.isSafeInteger(freeBytes)).toBe(true);
    expect(totalBytes).toBeGreaterThan(0);
    expect(freeBytes).toBeGreaterThanOrEqual(0);
    expect(freeBytes).toBeLessThanOrEqual(totalBytes);
  });
}
