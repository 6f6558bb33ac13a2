import type { ChunkWorkerClient } from "./chunk-worker-client";
import type { ChunkerParams, HashedChunk } from "./types";

/** Reads of this many bytes by default. */
const DEFAULT_READ_SIZE = 1024 * 1024;

/**
 * Work buffers in shared memory (the chunk worker reads them in place), reused across files:
 * allocating a fresh multi-MiB buffer per file makes the main isolate's garbage collector run for
 * external memory it cannot free sooner.
 */
const idleWorkBuffers: Buffer[] = [];
const MAX_IDLE_WORK_BUFFERS = 4;

function takeWorkBuffer(size: number): Buffer {
  const i = idleWorkBuffers.findIndex((b) => b.length === size);
  return i >= 0 ? idleWorkBuffers.splice(i, 1)[0]! : Buffer.from(new SharedArrayBuffer(size));
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
  worker: ChunkWorkerClient,
  params: ChunkerParams,
  read: (into: Uint8Array) => Promise<number>,
  readSize = DEFAULT_READ_SIZE,
): AsyncIterable<HashedChunk> {
  const work = takeWorkBuffer(params.maxSize + 2 * readSize);
  try {
    let state = { pos: 0, hash: 0 };
    let start = 0;
    let filled = 0;
    for (;;) {
      if (work.length - filled < readSize) {
        work.copy(work, 0, start, filled);
        filled -= start;
        start = 0;
      }
      const n = await read(work.subarray(filled, filled + readSize));
      const from = filled;
      filled += n;
      const reply = await worker.scan({ buffer: work.buffer as SharedArrayBuffer, start, from, filled, state, final: n === 0 });
      state = reply.state;
      for (let i = 0; i < reply.ends.length; i++) {
        const end = reply.ends[i]!;
        yield { data: work.subarray(start, end), id: reply.ids[i]! };
        start = end;
      }
      if (n === 0) return;
    }
  } finally {
    if (idleWorkBuffers.length < MAX_IDLE_WORK_BUFFERS) idleWorkBuffers.push(work);
  }
}
