import { expect, it } from "vitest";
import { type ContractContext, expectStorageError, listKeys } from "./driver-contract-helpers";

/** list(prefix) is a plain string prefix over keys, not a directory listing. */
export function listTests(ctx: ContractContext): void {
  const keys = ["a/b/c", "a/b/d", "a/e", "ab/x", "f", "data/3f/3f9a", "data/3f/3f00", "data/40/40aa"];
  const write = () => Promise.all(keys.map((key) => ctx.driver.write(key, Buffer.from(key))));

  it("lists nothing on an empty device", async () => {
    expect(await listKeys(ctx.driver, "")).toEqual([]);
    expect(await listKeys(ctx.driver, "snapshots/")).toEqual([]);
  });

  it("lists every key, however deep, under the empty prefix", async () => {
    await write();
    expect(await listKeys(ctx.driver, "")).toEqual([...keys].sort());
  });

  it("lists by directory prefix and by partial segment", async () => {
    await write();
    expect(await listKeys(ctx.driver, "a/")).toEqual(["a/b/c", "a/b/d", "a/e"]);
    expect(await listKeys(ctx.driver, "a/b/")).toEqual(["a/b/c", "a/b/d"]);
    expect(await listKeys(ctx.driver, "a")).toEqual(["a/b/c", "a/b/d", "a/e", "ab/x"]);
    expect(await listKeys(ctx.driver, "data/3f/3f9")).toEqual(["data/3f/3f9a"]);
    expect(await listKeys(ctx.driver, "data/4")).toEqual(["data/40/40aa"]);
    expect(await listKeys(ctx.driver, "f")).toEqual(["f"]);
    expect(await listKeys(ctx.driver, "zzz/")).toEqual([]);
    expect(await listKeys(ctx.driver, "f/")).toEqual([]);
  });

  it("does not list deleted keys", async () => {
    await write();
    await ctx.driver.delete("a/e");
    expect(await listKeys(ctx.driver, "a/")).toEqual(["a/b/c", "a/b/d"]);
  });

  it("can be stopped early", async () => {
    await write();
    for await (const key of ctx.driver.list("")) {
      expect(keys).toContain(key);
      break;
    }
    expect(await listKeys(ctx.driver, "")).toHaveLength(keys.length);
  });

  it("refuses prefixes that could escape the device", async () => {
    for (const prefix of ["../", "/", "/etc", "a//", "./", "a/../", "a\\b", "%2e%2e/"]) {
      await expectStorageError(listKeys(ctx.driver, prefix), "invalid_key");
    }
  });
}
