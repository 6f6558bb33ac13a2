import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectStorageError, listKeys, patternBytes, sha256 } from "./driver-contract-helpers";
import { createLocalDriver } from "./local-driver";

/**
 * A real full device: a 4 MiB tmpfs, so ENOSPC comes from the kernel, not from an injection.
 * Needs root (or CAP_SYS_ADMIN); elsewhere the test is skipped and says why.
 */
let root = "";
let mountError: string | undefined;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "strongroom-full-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", root], { stdio: "pipe" });
  } catch (err) {
    mountError = err instanceof Error ? err.message.split("\n")[0] : String(err);
  }
});

afterAll(async () => {
  if (!mountError) execFileSync("umount", [root]);
  await fs.rm(root, { recursive: true, force: true });
});

async function tempFiles(): Promise<string[]> {
  const names = await fs.readdir(root, { recursive: true });
  return names.filter((name) => path.basename(name).startsWith(".tmp~"));
}

describe("local driver on a full device (4 MiB tmpfs)", () => {
  it("answers no_space, keeps existing objects byte for byte, leaves no temp file", async (ctx) => {
    ctx.skip(mountError !== undefined, `cannot mount a tmpfs here (needs root): ${mountError}`);
    const driver = createLocalDriver(root);
    const existing = new Map<string, string>();
    for (let i = 0; i < 4; i += 1) {
      const data = patternBytes(300_000, i + 1);
      await driver.write(`data/0${i}/obj`, data);
      existing.set(`data/0${i}/obj`, sha256(data));
    }

    // A streamed object larger than the room left fails mid-stream.
    async function* big(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 64; i += 1) yield patternBytes(65_536, 100 + i);
    }
    await expectStorageError(driver.write("packs/big", big()), "no_space");
    // Fill up with Buffer writes until the device refuses one.
    let filled = 0;
    for (;; filled += 1) {
      const error = await driver.write(`fill/${filled}`, patternBytes(256_000, 200 + filled)).then(
        () => undefined,
        (err: unknown) => err,
      );
      if (error) {
        await expectStorageError(Promise.reject(error), "no_space");
        break;
      }
      existing.set(`fill/${filled}`, sha256(patternBytes(256_000, 200 + filled)));
    }
    // Overwriting an existing object on a full device must leave the old version intact.
    await expectStorageError(driver.write("data/00/obj", patternBytes(300_000, 999)), "no_space");

    expect(filled).toBeGreaterThan(0);
    expect(await tempFiles()).toEqual([]);
    expect(await driver.stat("packs/big")).toBeNull();
    expect(await listKeys(driver, "")).toEqual([...existing.keys()].sort());
    for (const [key, hash] of existing) expect(sha256(await driver.read(key)), key).toBe(hash);

    // Freeing space makes the device writable again.
    const { freeBytes } = await driver.statfs();
    expect(freeBytes).toBeLessThan(256_000);
    await driver.delete("fill/0");
    await driver.write("after/delete", patternBytes(200_000, 5));
    expect(sha256(await driver.read("after/delete"))).toBe(sha256(patternBytes(200_000, 5)));
  });
});
