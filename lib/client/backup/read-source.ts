import fs from "node:fs";
import type { FileHandle } from "node:fs/promises";

/** A failure reading the file being backed up: it becomes a warning, never a crash. */
export class SourceReadError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`cannot read ${path}`, { cause });
    this.name = "SourceReadError";
  }
}

// Large enough to keep syscalls cheap, small enough that several concurrent readers stay light.
const READ_SIZE = 1024 * 1024;

/**
 * Opens a regular file without following a symlink swapped in since the lstat, so a backup never
 * reads outside what it scanned. O_NONBLOCK keeps a FIFO swapped in from blocking the open
 * forever (it has no effect on regular files); the fstat then refuses anything but a regular file.
 * Errors become SourceReadError.
 */
export async function openSource(path: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await fs.promises.open(path, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (error) {
    throw new SourceReadError(path, error);
  }
  const stat = await handle.stat().catch((error: unknown) => error);
  if (stat instanceof fs.Stats && stat.isFile()) return handle;
  await handle.close().catch(() => undefined);
  throw new SourceReadError(path, stat instanceof fs.Stats ? new Error("it is no longer a regular file") : stat);
}

/** Streams a file in pieces (never whole); each piece is a fresh buffer the consumer may keep. */
export async function* readPieces(handle: FileHandle, path: string): AsyncGenerator<Buffer> {
  for (;;) {
    const buffer = Buffer.allocUnsafe(READ_SIZE);
    let bytesRead: number;
    try {
      ({ bytesRead } = await handle.read(buffer, 0, READ_SIZE, null));
    } catch (error) {
      throw new SourceReadError(path, error);
    }
    if (bytesRead === 0) return;
    yield bytesRead === READ_SIZE ? buffer : buffer.subarray(0, bytesRead);
  }
}

/**
 * A reader for Repository.hashedChunks: fills the given buffer from the file's current position (no
 * allocation, no copy; the chunker owns and reuses the buffer). Errors become SourceReadError.
 */
export function readInto(handle: FileHandle, path: string): (into: Uint8Array) => Promise<number> {
  return async (into) => {
    try {
      return (await handle.read(into, 0, into.length, null)).bytesRead;
    } catch (error) {
      throw new SourceReadError(path, error);
    }
  };
}
