import { createRequire } from "node:module";
import { CHUNK_READ_BYTES } from "./constants";
import { RequestWorker } from "./request-worker";
import type { ChunkerParams, HashedChunk } from "./types";

/**
 * A request to chunk-worker.mjs: the bytes [start, filled) of `buffer` are the current chunk's so
 * far, those before `from` already scanned with state (pos, hash). `final`: the end of the file.
 */
export interface ScanRequest {
  buffer: SharedArrayBuffer;
  start: number;
  from: number;
  filled: number;
  pos: number;
  hash: number;
  final: boolean;
}

/** The end (exclusive) and id of every chunk completed, in order, and the state to pass next. */
export interface ScanReply {
  ends: number[];
  ids: string[];
  pos: number;
  hash: number;
}

export type ChunkWorker = RequestWorker<ScanRequest, ScanReply>;

export function chunkWorkerFor(params: ChunkerParams, gear: Uint32Array, idKey: Buffer): ChunkWorker {
  const { minSize, avgSize, maxSize } = params;
  return new RequestWorker(new URL("./chunk-worker.mjs", import.meta.url), { params: { minSize, avgSize, maxSize }, gear: new Uint32Array(gear), idKey: new Uint8Array(idKey) }, "chunk worker");
}


// Required, not imported: see context.ts (the ES import costs a CommonJS export scan per start).
const { dropPages } = createRequire(import.meta.url)("strongroom-native") as typeof import("strongroom-native");

/**
 * Work buffers in shared memory (the chunk worker reads them in place), reused across files:
 * allocating a fresh buffer per file makes the main isolate's garbage collector run for external
 * memory it cannot free sooner. A buffer starts at three reads, room for the unfinished tail of a
 * typical chunk (about the average size) plus two reads, and grows towards maxSize + two reads
 * only for the rare longer chunk. Four readers with buffers of maxSize + 2 reads each held 40 MiB,
 * an eighth of a backup's peak memory. Grown buffers are pooled too, one of each size, and their
 * pages go back to the kernel as soon as their chunk is done: left to the collector, the ten that
 * a 1 GiB backup grew (64 MiB) stayed resident until a collection, which its small heap seldom
 * needs; pooled whole, they would keep the largest chunk's size resident to the end.
 */
const idleWorkBuffers: Buffer[] = [];
const MAX_IDLE_WORK_BUFFERS = 4;

function takeWorkBuffer(size: number): Buffer {
  const i = idleWorkBuffers.findIndex((b) => b.length === size);
  return i >= 0 ? idleWorkBuffers.splice(i, 1)[0]! : Buffer.from(new SharedArrayBuffer(size));
}

/**
 * Pools the buffer with only its first `keep` bytes resident: a pooled buffer goes to whichever
 * file comes next, mostly small ones, so the pages a large file filled would otherwise stay
 * resident in every pooled buffer, though only the files read at once need them.
 */
function giveBack(buffer: Buffer, pooledSize: number, keep: number): void {
  if (buffer.length !== pooledSize) dropPages(buffer);
  else if (keep < buffer.length) dropPages(buffer.subarray(keep));
  const sameSize = idleWorkBuffers.filter((b) => b.length === buffer.length).length;
  if (sameSize < (buffer.length === pooledSize ? MAX_IDLE_WORK_BUFFERS : 1)) idleWorkBuffers.push(buffer);
}

/**
 * Repository.hashedChunks: reads land in a shared work buffer (no copy between the read and the
 * chunk), the chunk worker returns the cut points and ids of the chunks completed by each read,
 * and each chunk is yielded as a view of the buffer, valid only until the loop asks for the next
 * one. Same cut points as Chunker.chunk (one scanner, fastcdc.mjs). The tail of an unfinished
 * chunk moves to the front only when fewer than `readSize` bytes of room are left, so most bytes
 * are never moved.
 */
export async function* hashedChunks(
  worker: ChunkWorker,
  params: ChunkerParams,
  read: (into: Uint8Array) => Promise<number>,
  hashHere: (chunk: Uint8Array) => string,
  readSize = CHUNK_READ_BYTES,
): AsyncIterable<HashedChunk> {
  const pooledSize = 3 * readSize;
  let work = takeWorkBuffer(pooledSize);
  /** How far into the buffer reads have reached: the pages it touched. */
  let reach = 0;
  try {
    let pos = 0;
    let hash = 0;
    let start = 0;
    let filled = 0;
    /** Bytes before this have been sent to the worker (moves with the tail). */
    let scanned = 0;
    let requested = false;
    for (;;) {
      if (work.length - filled < readSize) {
        work.copy(work, 0, start, filled);
        filled -= start;
        scanned -= start;
        start = 0;
      }
      if (work.length - filled < readSize) {
        // Nothing yielded is still in use (the loop asked for more), so the bytes can move.
        const grown = takeWorkBuffer(Math.min(work.length * 2, params.maxSize + 2 * readSize));
        work.copy(grown, 0, 0, filled);
        giveBack(work, pooledSize, readSize);
        work = grown;
      }
      const n = await read(work.subarray(filled, filled + readSize));
      filled += n;
      reach = Math.max(reach, filled);
      // No cut point lies before minSize, so a file that ends before it is one chunk: hashed here,
      // without a round trip to the worker (one per small file: 2,000 in the bench corpus) and
      // without starting the worker at all when a backup reads only small files.
      if (!requested && filled < params.minSize) {
        if (n > 0) continue;
        if (filled > 0) yield { data: work.subarray(0, filled), id: hashHere(work.subarray(0, filled)) };
        return;
      }
      const from = scanned;
      scanned = filled;
      requested = true;
      const reply = await worker.request({ buffer: work.buffer as SharedArrayBuffer, start, from, filled, pos, hash, final: n === 0 });
      ({ pos, hash } = reply);
      for (let i = 0; i < reply.ends.length; i++) {
        const end = reply.ends[i]!;
        yield { data: work.subarray(start, end), id: reply.ids[i]! };
        start = end;
      }
      if (n === 0) return;
    }
  } finally {
    // A small file's pages stay for the next one; a large file's beyond one read go back.
    giveBack(work, pooledSize, reach > readSize ? readSize : work.length);
  }
}
