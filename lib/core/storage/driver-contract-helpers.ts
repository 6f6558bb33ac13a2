import { createHash } from "node:crypto";
import { expect } from "vitest";
import { StorageError, type StorageDriver, type StorageErrorCode } from "./driver";

/** What every part of the contract receives: the fresh driver of the running test. */
export interface ContractContext {
  readonly driver: StorageDriver;
}

export async function listKeys(driver: StorageDriver, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of driver.list(prefix)) keys.push(key);
  return keys.sort();
}

/** Asserts a rejection with a StorageError of exactly this code (not just any error). */
export async function expectStorageError(
  promise: Promise<unknown>,
  code: StorageErrorCode,
): Promise<void> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `expected StorageError("${code}")`).toBeInstanceOf(StorageError);
  expect((err as StorageError).code).toBe(code);
}

/** Deterministic, incompressible-looking bytes (xorshift32), so offsets bugs show as mismatches. */
export function patternBytes(size: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(size);
  let x = seed | 0 || 1;
  for (let i = 0; i < size; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Streams `data` in chunks of varying sizes, with an empty chunk thrown in. */
export async function* streamOf(data: Buffer, chunkSize = 7919): AsyncGenerator<Buffer> {
  yield Buffer.alloc(0);
  for (let at = 0, n = 0; at < data.byteLength; n += 1) {
    const size = n % 3 === 0 ? chunkSize : Math.ceil(chunkSize / (n % 3 + 1));
    yield data.subarray(at, at + size);
    at += size;
  }
}

export function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * A streamed write that stops after its first chunk until released: `pulled` resolves once the
 * driver has taken that chunk and asks for more, i.e. while its temp file exists.
 */
export function stalledStream(first: Buffer, rest: Buffer) {
  let release!: () => void;
  let markPulled!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const pulled = new Promise<void>((resolve) => (markPulled = resolve));
  async function* stream(): AsyncGenerator<Buffer> {
    yield first;
    markPulled();
    await gate;
    yield rest;
  }
  return { stream: stream(), pulled, release };
}
