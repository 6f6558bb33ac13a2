import fs, { type FileHandle } from "node:fs/promises";
import path from "node:path";
import { ensureDir, fsyncDir } from "./local-fsync";
import { isErrno, toWriteError } from "./local-errors";
import { makeTempName } from "./local-temp-name";

/** Objects are private to the server process that owns the device. */
const FILE_MODE = 0o600;

/** Marks an error thrown by the caller's data stream, so it is rethrown as the caller's own. */
class SourceFailure {
  constructor(readonly cause: unknown) {}
}

/**
 * The crash-safe write: temp file in the target directory, every byte written, fsync, rename over
 * the final name, fsync the directory. Until the rename the key shows the old object (or none);
 * after it, the complete new one. On any failure the temp file is removed before we throw, so a
 * full device is left exactly as it was. A crash (kill -9, power loss) can only leave a temp file,
 * which sweepTemp() removes later.
 */
export async function writeAtomically(
  root: string,
  key: string,
  data: Buffer | AsyncIterable<Buffer>,
): Promise<void> {
  await writeViaTemp(root, path.dirname(path.join(root, key)), data, () => key);
}

/**
 * The same write for an object named only once its last byte is down (a pack, named by its hash):
 * the temp file lives in `tempDir`, and `keyAtEnd` (called once, after the fsync) names the
 * object. The rename may cross into a subdirectory of the same device, created when missing;
 * fsyncing the directory that receives the name makes it durable (on one file system, a rename
 * is one journal transaction for both directories).
 */
export async function writeViaTemp(
  root: string,
  tempDir: string,
  data: Buffer | AsyncIterable<Buffer>,
  keyAtEnd: () => string,
): Promise<string> {
  const temp = path.join(tempDir, makeTempName());
  let handle: FileHandle | undefined;
  let key: string | undefined;
  let dir = tempDir;
  try {
    handle = await openTemp(root, tempDir, temp);
    await writeAll(handle, data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    key = keyAtEnd();
    const target = path.join(root, key);
    dir = path.dirname(target);
    await renameInto(root, temp, target);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    if (err instanceof SourceFailure) throw err.cause;
    throw toWriteError(err, key ?? path.relative(root, tempDir));
  }
  try {
    await fsyncDir(dir);
  } catch (err) {
    // The object is complete under its name, but its durability is unknown: say so.
    throw toWriteError(err, key);
  }
  return key;
}

/** A target directory other than the temp file's may not exist yet (a pack's "data/3f/"). */
async function renameInto(root: string, temp: string, target: string): Promise<void> {
  try {
    await fs.rename(temp, target);
  } catch (err) {
    if (!isErrno(err, "ENOENT") || path.dirname(temp) === path.dirname(target)) throw err;
    await ensureDir(root, path.dirname(target));
    await fs.rename(temp, target);
  }
}

/** The fast path is one open(); directories are created (and their parents fsync'd) on ENOENT. */
async function openTemp(root: string, dir: string, temp: string): Promise<FileHandle> {
  try {
    return await fs.open(temp, "wx", FILE_MODE);
  } catch (err) {
    if (!isErrno(err, "ENOENT")) throw err;
    await ensureDir(root, dir);
    return fs.open(temp, "wx", FILE_MODE);
  }
}

/**
 * Each chunk is fully written before the next is pulled from the source: that await is the
 * backpressure, so a fast producer never buffers more than one chunk here.
 */
async function writeAll(handle: FileHandle, data: Buffer | AsyncIterable<Buffer>): Promise<void> {
  if (Buffer.isBuffer(data)) return writeChunk(handle, data);
  let inSource = true;
  try {
    for await (const chunk of data) {
      inSource = false;
      await writeChunk(handle, chunk);
      inSource = true;
    }
  } catch (err) {
    throw inSource ? new SourceFailure(err) : err;
  }
}

/** write() may write less than asked (signals, NFS); loop until the whole chunk is down. */
async function writeChunk(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}
