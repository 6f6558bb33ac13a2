import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLocalDriver } from "../storage/local-driver";
import { createMemoryDriver } from "../storage/memory-driver";
import type { StorageDriver } from "../storage/driver";
import { TEST_KDF } from "./constants";
import { initRepository } from "./init-repository";
import type { InitOptions, Repository } from "./types";

/** Test-only helpers: small packs and chunks so a few MiB exercise every code path. */
export const SMALL = {
  kdf: TEST_KDF,
  packSize: 256 * 1024,
  chunker: { minSize: 8 * 1024, avgSize: 32 * 1024, maxSize: 128 * 1024 },
};

export async function tempDriver(): Promise<{ driver: StorageDriver; dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "strongroom-repo-"));
  return { driver: createLocalDriver(dir), dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function memoryDriver(): StorageDriver {
  return createMemoryDriver();
}

export function initSmall(driver: StorageDriver, extra: Partial<InitOptions> = {}): Promise<Repository> {
  return initRepository(driver, { passphrase: "correct horse", ...SMALL, ...extra });
}

/** Deterministic pseudo-random bytes (xorshift32), so chunk boundaries are reproducible. */
export function pseudoRandom(size: number, seed = 1): Buffer {
  const out = Buffer.allocUnsafe(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export async function* pieces(data: Buffer, size = 64 * 1024): AsyncIterable<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

/** A reader for hashedChunks over `data` that returns about half of what is asked. */
export function shortReads(data: Buffer): (into: Uint8Array) => Promise<number> {
  let at = 0;
  return async (into) => {
    const n = data.copy(into, 0, at, at + Math.max(1, Math.floor(into.length / 2)));
    at += n;
    return n;
  };
}

/** Saves a file's bytes through the chunker; returns its content list. */
export async function saveFile(repo: Repository, data: Buffer, reuseBuffer = false): Promise<string[]> {
  const ids: string[] = [];
  for await (const chunk of repo.chunker({ reuseBuffer }).chunk(pieces(data))) ids.push((await repo.saveBlob("data", chunk)).id);
  return ids;
}

export async function readFile(repo: Repository, ids: string[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const id of ids) parts.push(await repo.loadBlob(id));
  return Buffer.concat(parts);
}

export { randomBytes };
