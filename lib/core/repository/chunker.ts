import { createCutScanner, type CutScanner } from "./fastcdc";
import type { Chunker, ChunkerOptions, ChunkerParams } from "./types";

/** Streams content-defined chunks; see ChunkerOptions for the two ownership modes. */
export function createChunker(params: ChunkerParams, gear: Uint32Array, options: ChunkerOptions = {}): Chunker {
  const scanner = createCutScanner(params, gear);
  return {
    chunk: options.reuseBuffer ? (source) => chunkReusing(scanner, params, source) : (source) => chunkOwned(scanner, source),
    chunkReads: (read, readSize) => chunkReads(scanner, params, read, readSize),
  };
}

/** Reads of this many bytes by default (chunkReads). */
const DEFAULT_READ_SIZE = 1024 * 1024;

/**
 * Work buffers of chunkReads, reused across files: allocating a fresh multi-MiB buffer per file
 * makes the main isolate's garbage collector run for external memory it cannot free sooner.
 */
const idleWorkBuffers: Buffer[] = [];
const MAX_IDLE_WORK_BUFFERS = 4;

function takeWorkBuffer(size: number): Buffer {
  const i = idleWorkBuffers.findIndex((b) => b.length === size);
  return i >= 0 ? idleWorkBuffers.splice(i, 1)[0]! : Buffer.allocUnsafe(size);
}

function giveBackWorkBuffer(buffer: Buffer): void {
  if (idleWorkBuffers.length < MAX_IDLE_WORK_BUFFERS) idleWorkBuffers.push(buffer);
}

/**
 * Reads straight into one work buffer (no copy between the read and the chunk) and yields views
 * of it, valid only until the iterator is resumed (as with reuseBuffer). Chunks are cut in place;
 * the unconsumed tail (less than maxSize) moves to the front only when fewer than `readSize`
 * bytes of room are left, so most bytes are never moved.
 */
async function* chunkReads(
  scanner: CutScanner,
  params: ChunkerParams,
  read: (into: Uint8Array) => Promise<number>,
  readSize = DEFAULT_READ_SIZE,
): AsyncIterable<Buffer> {
  const work = takeWorkBuffer(params.maxSize + 2 * readSize);
  try {
    const state = { pos: 0, hash: 0 };
    let start = 0;
    let filled = 0;
    for (;;) {
      if (work.length - filled < readSize) {
        work.copy(work, 0, start, filled);
        filled -= start;
        start = 0;
      }
      const n = await read(work.subarray(filled, filled + readSize));
      if (n === 0) break;
      let from = filled;
      filled += n;
      for (;;) {
        const cut = scanner.scan(work.subarray(0, filled), from, state);
        if (cut < 0) break;
        yield work.subarray(start, cut);
        start = cut;
        from = cut;
      }
    }
    if (filled > start) yield work.subarray(start, filled);
  } finally {
    giveBackWorkBuffer(work);
  }
}

/**
 * Each byte is copied once, into the fresh chunk it belongs to. Pieces of the current chunk are
 * held by reference until it is cut, so a source must not overwrite a piece after yielding it
 * (fs read streams do not).
 */
async function* chunkOwned(scanner: CutScanner, source: AsyncIterable<Uint8Array>): AsyncIterable<Buffer> {
  const state = { pos: 0, hash: 0 };
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  for await (const piece of source) {
    let from = 0;
    while (from < piece.length) {
      const cut = scanner.scan(piece, from, state);
      if (cut < 0) {
        held.push(piece.subarray(from));
        heldBytes += piece.length - from;
        break;
      }
      held.push(piece.subarray(from, cut));
      const chunk = Buffer.concat(held, heldBytes + cut - from);
      held = [];
      heldBytes = 0;
      from = cut;
      yield chunk;
    }
  }
  if (heldBytes > 0) yield Buffer.concat(held, heldBytes);
}

/**
 * Copies input into one work buffer of maxSize bytes and yields views of it, valid only until the
 * iterator is resumed: no allocation per chunk (less garbage, fewer GC pauses on the main
 * thread), and the source may reuse its read buffer. saveBlob copies what it needs before it
 * resolves, so `await repo.saveBlob("data", chunk)` inside the loop is safe.
 */
async function* chunkReusing(scanner: CutScanner, params: ChunkerParams, source: AsyncIterable<Uint8Array>): AsyncIterable<Buffer> {
  const work = Buffer.allocUnsafe(params.maxSize);
  const state = { pos: 0, hash: 0 };
  let filled = 0;
  for await (const piece of source) {
    let offset = 0;
    while (offset < piece.length) {
      const take = Math.min(piece.length - offset, work.length - filled);
      work.set(piece.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      for (;;) {
        const cut = scanner.scan(work.subarray(0, filled), state.pos, state);
        if (cut < 0) break;
        yield work.subarray(0, cut);
        work.copy(work, 0, cut, filled);
        filled -= cut;
      }
    }
  }
  if (filled > 0) yield work.subarray(0, filled);
}
