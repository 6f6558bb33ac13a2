import { StorageError } from "../../core/storage/driver";

/**
 * Fetches bytes [offset, offset + length) of an object, into `into` when given (then its length);
 * may return fewer at its end.
 */
export type RangeFetch = (key: string, offset: number, length: number, into?: Uint8Array) => Promise<Buffer>;

export interface ReadAheadOptions {
  /** Reads shorter than this fetch this much from their offset on (default 1 MiB). */
  windowBytes?: number;
  /** Windows kept, most recent first (default 16: 16 MiB at most). */
  maxWindows?: number;
}

interface Window {
  key: string;
  offset: number;
  bytes: Promise<Buffer>;
}

/**
 * Pipelined small reads of packs over the network. A restore reads each small file's blobs with
 * one range request, and a backup stores the files of a directory next to each other in a pack,
 * so thousands of small files cost thousands of round trips one after another. Here a small read
 * of a pack fetches a window of `windowBytes` from its offset, and the following reads that fall
 * inside it (the next files, also those already waiting on the same window) are answered from
 * it. Only `data/` keys: packs are named by their hash, so a cached window can never be stale.
 * Answers from a window are copies, so a caller may change them. Large reads go straight through.
 */
export function createRangeReadAhead(fetch: RangeFetch, options: ReadAheadOptions = {}) {
  const windowBytes = options.windowBytes ?? 1024 * 1024;
  const maxWindows = options.maxWindows ?? 16;
  let windows: Window[] = [];

  function exact(key: string, offset: number, length: number, bytes: Buffer, from: number, into?: Uint8Array): Buffer {
    const start = offset - from;
    // Past the end of the object: the driver contract's out_of_range, as for a direct read.
    if (start + length > bytes.length) throw new StorageError("out_of_range", `${key}: range ${offset}+${length} past the end`);
    if (!into) return Buffer.from(bytes.subarray(start, start + length));
    into.set(bytes.subarray(start, start + length));
    return Buffer.from(into.buffer, into.byteOffset, into.byteLength);
  }

  /** `into` (optional, `length` bytes): where the answer goes instead of a new buffer. */
  return async function read(key: string, offset: number, length: number, into?: Uint8Array): Promise<Buffer> {
    if (!key.startsWith("data/") || length >= windowBytes) {
      const bytes = await fetch(key, offset, length, into);
      // A direct read's buffer is no one else's: handed over as is (a restore transfers it to its
      // decode worker), not copied a second time after the body was gathered.
      return bytes.length === length ? bytes : exact(key, offset, length, bytes, offset);
    }
    const hit = windows.find((w) => w.key === key && offset >= w.offset && offset + length <= w.offset + windowBytes);
    if (hit) {
      windows = [hit, ...windows.filter((w) => w !== hit)];
      return exact(key, offset, length, await hit.bytes, hit.offset, into);
    }
    const window: Window = { key, offset, bytes: fetch(key, offset, windowBytes) };
    windows = [window, ...windows].slice(0, maxWindows);
    // A failed fetch is not kept: the next read of that range asks the server again.
    window.bytes.catch(() => (windows = windows.filter((w) => w !== window)));
    return exact(key, offset, length, await window.bytes, offset, into);
  };
}
