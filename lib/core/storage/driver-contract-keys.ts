import { expect, it } from "vitest";
import { type ContractContext, expectStorageError, listKeys } from "./driver-contract-helpers";

/** 512 characters in segments a disk accepts (most file systems cap a name at 255 bytes). */
const longest = `${"a".repeat(200)}/${"b".repeat(200)}/${"c".repeat(110)}`;

/**
 * Refused before any I/O. "%2e%2e" is refused because "%" is not in the charset: keys are never
 * decoded, and refusing it keeps every key a plain name on any backend (see validate-key.ts).
 */
export const invalidKeys = [
  "", "/abs", "../x", "x/..", "..", ".", "a//b", "a/./b", "a/", "a\0b", "a\\b", "%2e%2e",
  "a b", "é", "a:b", "a\nb", `${longest}c`,
];

export const validKeys = ["a", "A-Z_0.9", "...", ".hidden/x", "a..b", "x/y/z/w/v", longest];

/** The key rules of driver.ts, enforced identically by every driver. */
export function keyTests(ctx: ContractContext): void {
  it("refuses invalid keys in every method and writes nothing", async () => {
    for (const key of invalidKeys) {
      await expectStorageError(ctx.driver.write(key, Buffer.from("x")), "invalid_key");
      await expectStorageError(ctx.driver.read(key), "invalid_key");
      await expectStorageError(ctx.driver.readRange(key, 0, 0), "invalid_key");
      await expectStorageError(ctx.driver.stat(key), "invalid_key");
      await expectStorageError(ctx.driver.delete(key), "invalid_key");
    }
    expect(await listKeys(ctx.driver, "")).toEqual([]);
  });

  it("refuses keys that are not strings", async () => {
    const notAString = 42 as unknown as string;
    await expectStorageError(ctx.driver.read(notAString), "invalid_key");
    await expectStorageError(ctx.driver.write(notAString, Buffer.from("x")), "invalid_key");
  });

  it("accepts every valid key, up to 512 characters", async () => {
    expect(longest).toHaveLength(512);
    for (const key of validKeys) await ctx.driver.write(key, Buffer.from(key));
    for (const key of validKeys) expect((await ctx.driver.read(key)).toString()).toBe(key);
    expect(await listKeys(ctx.driver, "")).toEqual([...validKeys].sort());
  });
}
