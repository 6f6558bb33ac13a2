import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { StorageError } from "./driver";
import { toReadError } from "./local-errors";
import { checkRange } from "./read-range-bounds";

const read = promisify(fs.read);

/**
 * Reads `length` bytes at `offset` through a file descriptor, so a 4 KiB read from a 16 MiB pack
 * costs 4 KiB of I/O and memory, never the whole file. Only the read goes to the libuv pool: open,
 * fstat and close take microseconds, while each hand-off to the pool and back costs two thread
 * wake-ups (a restore makes thousands of these reads; measured: 4 hand-offs a read were a quarter
 * of its context switches).
 */
export async function readLocalRange(root: string, key: string, offset: number, length: number): Promise<Buffer> {
  let buffer = Buffer.alloc(0);
  // Allocated only once the range is known to lie inside the object: a bad length is out_of_range.
  await readChecked(root, key, offset, length, () => (buffer = Buffer.allocUnsafe(length)));
  return buffer;
}

/** readLocalRange into the caller's buffer: `into.byteLength` bytes from `offset`. */
export async function readLocalRangeInto(root: string, key: string, offset: number, into: Uint8Array): Promise<void> {
  await readChecked(root, key, offset, into.byteLength, () => into);
}

async function readChecked(root: string, key: string, offset: number, length: number, target: () => Uint8Array): Promise<void> {
  let fd: number;
  try {
    fd = fs.openSync(path.join(root, key), "r");
  } catch (err) {
    throw toReadError(err, key);
  }
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) throw new StorageError("not_found", `no object ${key}`);
    checkRange(key, offset, length, stats.size);
    const into = target();
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await read(fd, into, filled, length - filled, offset + filled);
      // Objects are immutable; a short file here means it changed under us: report, not pad.
      if (bytesRead === 0) throw new StorageError("io", `${key} shrank while being read`);
      filled += bytesRead;
    }
  } catch (err) {
    throw toReadError(err, key);
  } finally {
    fs.closeSync(fd);
  }
}
