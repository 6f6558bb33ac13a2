import type { RepositoryContext } from "./context";
import { decodeRun, writeRun } from "./decode-run";
import { locateBlob, readPackRange, readPackRangeInto } from "./load-blob";
import type { BlobLocation } from "./master-index";

/** Adjacent blobs of one pack are read together, up to this many bytes a read. */
const MAX_RUN_BYTES = 8 * 1024 * 1024;

interface Run {
  pack: string;
  offset: number;
  length: number;
  blobs: { id: string; at: BlobLocation }[];
}

/**
 * Yields the verified plaintexts of `ids` in order (a file's content list). Blobs stored next to
 * each other in one pack, as a backup writes a file's chunks, are fetched with one read; up to
 * `prefetch` reads and their decoding (on the decode worker) run ahead of the consumer. A damaged or unknown blob
 * throws (RepositoryError "damaged") when the iteration reaches it, never earlier, so everything
 * before it has been yielded.
 */
export async function* loadBlobs(ctx: RepositoryContext, ids: readonly string[], prefetch = 4): AsyncIterable<Buffer> {
  const runs = planRuns(ctx, ids);
  const pending: Promise<PromiseSettledResult<Buffer>[]>[] = [];
  let next = 0;
  const fill = () => {
    while (pending.length < prefetch && next < runs.length) {
      const run = runs[next++]!;
      const task = fetchRun(ctx, run);
      task.catch(() => undefined); // Rethrown in order by the await below.
      pending.push(task);
    }
  };
  fill();
  while (pending.length > 0) {
    const results = await pending.shift()!;
    fill();
    for (const r of results) {
      if (r.status === "rejected") throw r.reason;
      yield r.value;
    }
  }
}

/**
 * Writes the verified plaintexts of `ids` (a file's content list) to `fd` from offset 0, each run of
 * adjacent blobs read with one read and decoded and written by the decode worker: no buffer per
 * blob and no thread hand-off per blob (restore). Up to `prefetch` runs are in flight, each read
 * into the repository's read ring, shared by every file being written (read-ring.ts). The first
 * damaged or unknown blob throws (RepositoryError "damaged"), a failed write throws its errno
 * error; the file then holds an unspecified prefix, for the caller to discard. Returns the bytes
 * written; `onBytes` hears of each run as it lands.
 */
export async function writeBlobs(ctx: RepositoryContext, ids: readonly string[], fd: number, prefetch = 4, onBytes: (n: number) => void = () => undefined): Promise<number> {
  const runs = planRuns(ctx, ids);
  // Each run's place in the file is known from the index (plaintext lengths), so runs need not
  // wait for the ones before them.
  const positions: number[] = [];
  let total = 0;
  for (const run of runs) {
    positions.push(total);
    if (!("error" in run)) for (const b of run.blobs) total += b.at.rawLength;
  }
  let next = 0;
  let written = 0;
  let stop = false;
  const lane = async (): Promise<void> => {
    while (!stop && next < runs.length) {
      const i = next++;
      const run = runs[i]!;
      if ("error" in run) throw run.error;
      const n = await writeRunFromRing(ctx, run, fd, positions[i]!);
      written += n;
      onBytes(n);
    }
  };
  const lanes = Array.from({ length: Math.max(1, Math.min(prefetch, runs.length)) }, () =>
    lane().catch((error: unknown) => {
      stop = true;
      throw error;
    }),
  );
  // Every lane settles before an error is thrown: no write to `fd` may still be under way when the
  // caller closes and removes the file.
  const settled = await Promise.allSettled(lanes);
  const failed = settled.find((s) => s.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return written;
}

/** One run read into the read ring (or its own buffer when too long for it), decoded and written. */
async function writeRunFromRing(ctx: RepositoryContext, run: Run, fd: number, position: number): Promise<number> {
  const ring = ctx.readRing;
  if (!ring.fits(run.length)) {
    const bytes = await readPackRange(ctx, run.pack, run.offset, run.length, run.blobs[0]!.id);
    return writeRun(ctx.decodeWorker, run.pack, run.offset, bytes, run.blobs, fd, position);
  }
  const at = await ring.take(run.length);
  try {
    await readPackRangeInto(ctx, run.pack, run.offset, ring.view(at, run.length), run.blobs[0]!.id);
    return await writeRun(ctx.decodeWorker, run.pack, run.offset, { ringAt: at, ringLength: run.length }, run.blobs, fd, position);
  } finally {
    ring.give(at);
  }
}

function planRuns(ctx: RepositoryContext, ids: readonly string[]): (Run | { error: unknown; id: string })[] {
  const runs: (Run | { error: unknown; id: string })[] = [];
  let current: Run | null = null;
  for (const id of ids) {
    let at: BlobLocation;
    try {
      at = locateBlob(ctx, id);
    } catch (error) {
      runs.push({ error, id });
      current = null;
      continue;
    }
    const joins = current && current.pack === at.pack && current.offset + current.length === at.offset && current.length + at.length <= MAX_RUN_BYTES;
    if (current && joins) {
      current.length += at.length;
      current.blobs.push({ id, at });
    } else {
      current = { pack: at.pack, offset: at.offset, length: at.length, blobs: [{ id, at }] };
      runs.push(current);
    }
  }
  return runs;
}

async function fetchRun(ctx: RepositoryContext, run: Run | { error: unknown; id: string }): Promise<PromiseSettledResult<Buffer>[]> {
  if ("error" in run) throw run.error;
  const bytes = await readPackRange(ctx, run.pack, run.offset, run.length, run.blobs[0]!.id);
  return decodeRun(ctx.decodeWorker, run.pack, run.offset, bytes, run.blobs);
}
