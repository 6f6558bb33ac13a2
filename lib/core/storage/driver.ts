/**
 * A storage device as the backup core sees it: a flat namespace of keys ("data/3f/3f9a…",
 * "snapshots/…") holding immutable byte objects. Drivers: a local directory (disks, NFS mounts)
 * and memory (tests); object storage later. Every driver passes the contract suite in
 * `driver-contract.ts`.
 *
 * Keys are relative, "/"-separated, made of [A-Za-z0-9._-] segments, never "." or "..", at most
 * 512 characters; anything else is refused with StorageError("invalid_key") before any I/O.
 * Keys are never decoded or normalized: "%2e%2e" is refused by the charset, not read as "..".
 * A key cannot also be a directory of other keys (a disk cannot hold file "a" and directory "a/"):
 * with "a/b" stored, writing "a" is refused with "invalid_key", and so is "a/b/c"; reading,
 * stat-ing or deleting such a prefix behaves as for an absent object.
 */
export interface StorageDriver {
  /** The whole object. Throws StorageError("not_found") when it does not exist. */
  read(key: string): Promise<Buffer>;
  /**
   * `length` bytes from `offset`. Throws "not_found", or "out_of_range" past the end. The Buffer
   * belongs to the caller (the driver keeps no reference to it): restore transfers it to a worker.
   */
  readRange(key: string, offset: number, length: number): Promise<Buffer>;
  /**
   * Optional: readRange into the caller's buffer, `into.byteLength` bytes from `offset` (same
   * errors; after an error `into` holds unspecified bytes). Restore reads packs into one shared
   * ring this way instead of a fresh buffer per read. Callers fall back to readRange.
   */
  readRangeInto?(key: string, offset: number, into: Uint8Array): Promise<void>;
  /**
   * Stores an object atomically: readers see the old object (or none) or the complete new one,
   * never a prefix, even across a crash or power loss (temp name, fsync, rename, fsync directory).
   * Overwrites an existing object. Throws "no_space" when the device is full; the temp file is
   * removed and nothing under `key` changes. An error thrown by a streamed `data` is rethrown as
   * is, after the same cleanup. Each chunk is consumed before the next is pulled (backpressure).
   * A driver keeps no reference to `data` (or a streamed chunk) once `write` settles: the
   * repository reuses its pack buffers (and pieces, see writeNamedAtEnd) right after, so a
   * retained buffer would store wrong bytes.
   */
  write(key: string, data: Buffer | AsyncIterable<Buffer>): Promise<void>;
  /**
   * Optional: `write` for an object whose key is known only after its last byte (a pack is named
   * by the hash of its bytes), so it streams to the device as it is produced instead of being
   * held in memory whole. `data` is consumed like write's (each chunk before the next is
   * pulled), then `keyAtEnd()` is called once and the object is stored atomically under the key
   * it returns, which must start with `prefix` ("invalid_key" otherwise, nothing stored). Same
   * guarantees and errors as write; resolves to the key. Callers fall back to collecting the
   * bytes and calling write when a driver lacks it (the backup server's remote driver).
   */
  writeNamedAtEnd?(prefix: string, data: AsyncIterable<Buffer>, keyAtEnd: () => string): Promise<string>;
  /** Keys under a prefix ("snapshots/"), in no particular order; temp files are never listed. */
  list(prefix: string): AsyncIterable<string>;
  /** Size and modification time, or null when absent. */
  stat(key: string): Promise<{ size: number; mtime: Date } | null>;
  /**
   * Optional: `stat` of many keys at once, answers in the same order. Drivers for which each
   * stat is a network round trip (the backup server) implement it; callers fall back to `stat`.
   */
  statMany?(keys: readonly string[]): Promise<({ size: number; mtime: Date } | null)[]>;
  /** Removes an object; removing an absent object is not an error. */
  delete(key: string): Promise<void>;
  /** Capacity of the device holding the objects. */
  statfs(): Promise<{ totalBytes: number; freeBytes: number }>;
  /**
   * Removes temp files older than `olderThanMs` left by crashed writers; returns how many. Age
   * counts from the last byte written, so a streaming writer stays fresh; a stalled writer whose
   * temp file is swept fails its write() and never creates its key.
   */
  sweepTemp(olderThanMs: number): Promise<number>;
}

export type StorageErrorCode = "not_found" | "out_of_range" | "invalid_key" | "no_space" | "io";

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "StorageError";
  }
}
