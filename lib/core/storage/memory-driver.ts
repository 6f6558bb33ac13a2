import { StorageError, type StorageDriver } from "./driver";
import { checkRange } from "./read-range-bounds";
import { keyWithin, validateKey, validatePrefix } from "./validate-key";

type StoredObject = { data: Buffer; mtime: Date };
type PendingWrite = { bytes: number; touchedAt: number; swept: boolean };

/**
 * An in-memory device for fast tests of the layers above. It behaves like the local driver where
 * tests could notice: buffers are copied in and out (a caller mutating its buffer cannot change a
 * stored object), a write in progress is invisible and counts as a temp file until it commits,
 * "a" and "a/b" cannot both exist, and with `capacityBytes` the device fills up and answers
 * "no_space", counting a new version and the old one it replaces until the write commits.
 */
export function createMemoryDriver(options: { capacityBytes?: number } = {}): StorageDriver {
  const capacity = options.capacityBytes ?? Number.MAX_SAFE_INTEGER;
  const objects = new Map<string, StoredObject>();
  // "a/" and "a/b/" -> how many objects lie below: the directories a disk would have.
  const directories = new Map<string, number>();
  const pending = new Set<PendingWrite>();
  let storedBytes = 0;
  let pendingBytes = 0;

  function get(key: string): StoredObject {
    validateKey(key);
    const object = objects.get(key);
    if (!object) throw new StorageError("not_found", `no object ${key}`);
    return object;
  }

  function checkNamespace(key: string): void {
    const parts = key.split("/");
    for (let i = 1; i < parts.length; i += 1) {
      if (objects.has(parts.slice(0, i).join("/"))) throw collision(key);
    }
    if (directories.has(`${key}/`)) throw collision(key);
  }

  function countDirectories(key: string, delta: 1 | -1): void {
    for (let cut = key.indexOf("/"); cut !== -1; cut = key.indexOf("/", cut + 1)) {
      const dir = key.slice(0, cut + 1);
      const count = (directories.get(dir) ?? 0) + delta;
      if (count === 0) directories.delete(dir);
      else directories.set(dir, count);
    }
  }

  function reserve(write: PendingWrite, key: string, bytes: number): void {
    if (storedBytes + pendingBytes + bytes > capacity) {
      throw new StorageError("no_space", `device full writing ${key}`);
    }
    write.bytes += bytes;
    write.touchedAt = Date.now();
    pendingBytes += bytes;
  }

  async function collect(key: string, data: Buffer | AsyncIterable<Buffer>, write: PendingWrite) {
    const chunks: Buffer[] = [];
    // Copy each chunk as it arrives: a stream may reuse its buffer for the next chunk.
    const take = (chunk: Buffer) => {
      reserve(write, key, chunk.byteLength);
      chunks.push(Buffer.from(chunk));
    };
    if (Buffer.isBuffer(data)) take(data);
    else for await (const chunk of data) take(chunk);
    return Buffer.concat(chunks);
  }

  /** Collects `data` as a pending write (a temp file), then stores it under `keyAtEnd()`. */
  async function store(label: string, data: Buffer | AsyncIterable<Buffer>, keyAtEnd: () => string): Promise<string> {
    const write: PendingWrite = { bytes: 0, touchedAt: Date.now(), swept: false };
    pending.add(write);
    try {
      const bytes = await collect(label, data, write);
      // Like a rename whose temp file was swept from under a stalled writer.
      if (write.swept) throw new StorageError("io", `write of ${label} was swept as stale`);
      const key = keyAtEnd();
      checkNamespace(key);
      const previous = objects.get(key);
      if (previous) storedBytes -= previous.data.byteLength;
      else countDirectories(key, 1);
      objects.set(key, { data: bytes, mtime: new Date() });
      storedBytes += bytes.byteLength;
      return key;
    } finally {
      pending.delete(write);
      pendingBytes -= write.bytes;
    }
  }

  return {
    async read(key) {
      return Buffer.from(get(key).data);
    },

    async readRange(key, offset, length) {
      const { data } = get(key);
      checkRange(key, offset, length, data.byteLength);
      return Buffer.from(data.subarray(offset, offset + length));
    },

    async readRangeInto(key, offset, into) {
      const { data } = get(key);
      checkRange(key, offset, into.byteLength, data.byteLength);
      into.set(data.subarray(offset, offset + into.byteLength));
    },

    async write(key, data) {
      validateKey(key);
      checkNamespace(key);
      await store(key, data, () => key);
    },

    async writeNamedAtEnd(prefix, data, keyAtEnd) {
      validatePrefix(prefix);
      return store(prefix, data, () => keyWithin(prefix, keyAtEnd()));
    },

    async *list(prefix) {
      validatePrefix(prefix);
      // A snapshot of the keys, so writes during a listing neither break nor reorder it.
      for (const key of [...objects.keys()]) {
        if (key.startsWith(prefix)) yield key;
      }
    },

    async stat(key) {
      validateKey(key);
      const object = objects.get(key);
      return object ? { size: object.data.byteLength, mtime: new Date(object.mtime) } : null;
    },

    async delete(key) {
      validateKey(key);
      const object = objects.get(key);
      if (!object) return;
      objects.delete(key);
      storedBytes -= object.data.byteLength;
      countDirectories(key, -1);
    },

    async statfs() {
      return { totalBytes: capacity, freeBytes: Math.max(0, capacity - storedBytes - pendingBytes) };
    },

    async sweepTemp(olderThanMs) {
      const cutoff = Date.now() - Math.max(0, olderThanMs);
      let swept = 0;
      for (const write of pending) {
        if (write.swept || write.touchedAt > cutoff) continue;
        write.swept = true;
        swept += 1;
      }
      return swept;
    },
  };
}

function collision(key: string): StorageError {
  return new StorageError("invalid_key", `key ${key} collides with a prefix of other keys`);
}
