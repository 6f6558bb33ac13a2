import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { StorageDriver } from "../storage/driver";
import { openRepository } from "./open-repository";
import { initSmall, memoryDriver, pseudoRandom, readFile, saveFile, tempDriver } from "./test-helpers";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/**
 * Saves `data` through `driver` (a view of `inner`) in packs of `packSize`, then reads it back
 * through a fresh open of `inner` and checks every pack: returns the packs written.
 */
async function saveAndReadBack(inner: StorageDriver, driver: StorageDriver, packSize: number, data: Buffer): Promise<number> {
  const repo = await initSmall(driver, { packSize });
  const ids = await saveFile(repo, data);
  await repo.flush();
  const packs = repo.stats().packsWritten;
  await repo.close();
  const again = await openRepository(inner, { passphrase: "correct horse" });
  expect((await readFile(again, ids)).equals(data)).toBe(true);
  expect((await again.check({ readData: true })).ok).toBe(true);
  await again.close();
  return packs;
}

describe("packs streamed to the device while they are built", () => {
  it("writes packs whole through write() when the driver cannot name an object at the end", async () => {
    const inner = memoryDriver();
    const { writeNamedAtEnd: _streams, ...keyFirst } = inner;
    expect(await saveAndReadBack(inner, keyFirst, 2 * 1024 * 1024, pseudoRandom(5 * 1024 * 1024, 11))).toBeGreaterThanOrEqual(2);
  });

  it("stores every byte when the device takes pieces slower than the worker makes them", async () => {
    // The pack worker has only so many pieces; here they are all out at once, so it waits for
    // written ones to come back and reuses them: a piece reused too early would store wrong bytes.
    const inner = memoryDriver();
    const slowPieces = async function* (data: AsyncIterable<Buffer>) {
      for await (const piece of data) {
        await new Promise((r) => setTimeout(r, 5));
        yield piece;
      }
    };
    const driver: StorageDriver = { ...inner, writeNamedAtEnd: (prefix, data, keyAtEnd) => inner.writeNamedAtEnd!(prefix, slowPieces(data), keyAtEnd) };
    expect(await saveAndReadBack(inner, driver, 4 * 1024 * 1024, pseudoRandom(24 * 1024 * 1024, 13))).toBeGreaterThanOrEqual(5);
  });

  it("removes the temp file of a pack that was never sealed when the repository closes", async () => {
    const { driver, dir, cleanup } = await tempDriver();
    cleanups.push(cleanup);
    const repo = await initSmall(driver, { packSize: 64 * 1024 * 1024 });
    const before = await filesUnder(path.join(dir, "data"));
    // 3 MiB of random data: three 1 MiB pieces reach the temp file, the pack stays open.
    await saveFile(repo, pseudoRandom(3 * 1024 * 1024, 12));
    // Up to 10 s for the first piece to reach the device (a loaded CI machine is slow).
    for (let i = 0; i < 500 && (await filesUnder(path.join(dir, "data"))).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await filesUnder(path.join(dir, "data"))).some((name) => name.includes(".tmp~"))).toBe(true);
    await repo.close();
    expect(await filesUnder(path.join(dir, "data"))).toEqual(before);
    expect(await driver.sweepTemp(0)).toBe(0);
  });
});
