import { scrypt } from "node:crypto";
import { createRequire } from "node:module";
import { RepositoryError } from "./errors";
import type { KdfParams } from "./types";

// Required, not imported: see context.ts (the ES import costs a CommonJS export scan per start).
const { hashRaw } = createRequire(import.meta.url)("@node-rs/argon2") as typeof import("@node-rs/argon2");

/** Derives the 32-byte key-wrapping key from a passphrase; runs on the libuv pool. */
export async function deriveWrappingKey(passphrase: string, kdf: KdfParams, salt: Uint8Array): Promise<Buffer> {
  validateKdf(kdf);
  if (kdf.algorithm === "argon2id") {
    return hashRaw(passphrase, {
      algorithm: 2, // Algorithm.Argon2id (an ambient const enum: not importable under isolatedModules)
      memoryCost: kdf.memoryKiB,
      timeCost: kdf.iterations,
      parallelism: kdf.parallelism,
      outputLen: 32,
      salt: Buffer.from(salt),
    });
  }
  const maxmem = 128 * kdf.n * kdf.r * 2;
  return new Promise((resolve, reject) => {
    scrypt(passphrase, salt, 32, { N: kdf.n, r: kdf.r, p: kdf.p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Refuses parameters that are malformed or absurd (a hostile key file must not exhaust memory). */
export function validateKdf(kdf: KdfParams): void {
  const ok =
    kdf.algorithm === "scrypt"
      ? isInt(kdf.n, 2, 2 ** 22) && (kdf.n & (kdf.n - 1)) === 0 && isInt(kdf.r, 1, 32) && isInt(kdf.p, 1, 16)
      : kdf.algorithm === "argon2id"
        ? isInt(kdf.memoryKiB, 8, 4 * 1024 * 1024) && isInt(kdf.iterations, 1, 64) && isInt(kdf.parallelism, 1, 16)
        : false;
  if (!ok) throw new RepositoryError("invalid_argument", "Unsupported key derivation parameters.");
}

function isInt(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}
