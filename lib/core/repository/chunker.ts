import { createCutScanner, type CutScanner } from "./fastcdc.mjs";
import type { Chunker, ChunkerOptions, ChunkerParams } from "./types";

/** Streams content-defined chunks; see ChunkerOptions for the two ownership modes. */
export function createChunker(params: ChunkerParams, gear: Uint32Array, options: ChunkerOptions = {}): Chunker {
  const scanner = createCutScanner(params, gear);
  return {
    chunk: options.reuseBuffer ? (source) => chunkReusing(scanner, params, source) : (source) => chunkOwned(scanner, source),
  };
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
