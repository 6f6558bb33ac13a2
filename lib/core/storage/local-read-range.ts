import fs, { type FileHandle } from "node:fs/promises";
import path from "node:path";
import { StorageError } from "./driver";
import { toReadError } from "./local-errors";
import { checkRange } from "./read-range-bounds";

/**
 * Reads `length` bytes at `offset` through a file handle, so a 4 KiB read from a 16 MiB pack
 * costs 4 KiB of I/O and memory, never the whole file.
 */
export async function readLocalRange(
  root: string,
  key: string,
  offset: number,
  length: number,
): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await fs.open(path.join(root, key), "r");
  } catch (err) {
    throw toReadError(err, key);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new StorageError("not_found", `no object ${key}`);
    checkRange(key, offset, length, stats.size);
    const buffer = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(buffer, filled, length - filled, offset + filled);
      // Objects are immutable; a short file here means it changed under us: report, not pad.
      if (bytesRead === 0) throw new StorageError("io", `${key} shrank while being read`);
      filled += bytesRead;
    }
    return buffer;
  } catch (err) {
    throw toReadError(err, key);
  } finally {
    await handle.close();
  }
}
