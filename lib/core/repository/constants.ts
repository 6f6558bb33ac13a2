import type { ChunkerParams, KdfParams } from "./types";

export const FORMAT_VERSION = 1;

/** See FORMAT.md "Chunk sizes" for the measurements behind these. */
export const DEFAULT_CHUNKER: ChunkerParams = {
  algorithm: "fastcdc",
  minSize: 512 * 1024,
  avgSize: 1024 * 1024,
  maxSize: 8 * 1024 * 1024,
};

export const DEFAULT_PACK_SIZE = 16 * 1024 * 1024;

/**
 * Repository.hashedChunks reads files this much at a time into a work buffer of three reads; a
 * file longer than one read fills the buffer (the client bounds how many of those it reads at once).
 */
export const CHUNK_READ_BYTES = 1024 * 1024;

/** OWASP's argon2id floor is 19 MiB/2 iterations; we spend ~0.3 s once per open. */
export const DEFAULT_KDF: KdfParams = { algorithm: "argon2id", memoryKiB: 64 * 1024, iterations: 3, parallelism: 2 };

/** Cheap parameters for tests only: never for a real repository. */
export const TEST_KDF: KdfParams = { algorithm: "scrypt", n: 1024, r: 8, p: 1 };
