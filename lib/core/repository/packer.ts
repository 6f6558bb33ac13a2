import { createHash } from "node:crypto";
import type { StorageDriver } from "../storage/driver";
import { ZSTD_LEVEL } from "./blob-codec";
import { encodeIndex, type IndexedPack } from "./index-format";
import type { MasterIndex } from "./master-index";
import { indexKey, packKey } from "./object-keys";
import { PackWorkerClient, type WorkerReply } from "./pack-worker-client";
import { PieceQueue, type SealedPack } from "./piece-queue";
import { Semaphore } from "./semaphore";
import { SharedRing } from "./shared-ring";
import { toRepositoryError } from "./storage-error";
import type { BlobType, RepositoryEvent, RepositoryStats } from "./types";

export interface PackerOptions {
  driver: StorageDriver;
  rawKey: Buffer;
  index: MasterIndex;
  packSize: number;
  maxPendingBytes: number;
  compressionLevel?: number;
  stats: RepositoryStats;
  emit: (event: RepositoryEvent) => void;
  /** False for prune and repair, which write one full index themselves (see writtenPacks()). */
  writeIndexes?: boolean;
}

/** An index file is written every this many packs, so an interrupted backup's packs are reused. */
const PACKS_PER_INTERIM_INDEX = 8;
/**
 * Pack writes at once: the open data pack and the open tree pack stream as they are built, and
 * each write ends with an fsync (latency, not bandwidth), so two more may be finishing.
 */
const WRITE_CONCURRENCY = 4;
/** A pack ends after the blob that takes it past packSize (up to a chunker maxSize) plus its header. */
const WHOLE_PACK_SLACK = 2 * 1024 * 1024;
const MAX_WHOLE_PACKS = 2;
/** Packs are named by their hash: a pack's temp file is made under this prefix of every pack key. */
const PACK_PREFIX = "data/";
/**
 * Largest blob ring: enough for the zstd calls in flight and a few blobs queued behind them; more
 * only buffers more input (24 MiB measured no faster than 8 and cost 16 MiB of peak memory).
 */
const RING_BYTES = 8 * 1024 * 1024;

/**
 * The save pipeline. The caller hashes on the main thread and calls add(); the blob is copied to
 * the pack worker (pack-worker.mjs), which compresses (zstd on the libuv pool), encrypts, appends
 * to one open pack per blob type and posts the pack's bytes in 1 MiB pieces as they fill, then
 * its SHA-256 when it is sealed. The main thread streams each pack's pieces to the device while
 * the pack is being built (driver.writeNamedAtEnd: the name, the hash, is known only at the end)
 * and writes indexes. `pendingBytes` counts plaintext not yet encoded plus pieces not yet written;
 * add() waits while it exceeds the budget.
 */
export class Packer {
  private readonly pendingIds = new Set<string>();
  private readonly writeSlots = new Semaphore(WRITE_CONCURRENCY);
  private readonly writes = new Set<Promise<void>>();
  /** Whole-pack buffers for drivers without writeNamedAtEnd (see writeWhole). */
  private readonly wholePacks: Buffer[] = [];
  /** Whole packs sent at once: a network write holds the pack and its encrypted copy in flight. */
  private readonly wholeWrites = new Semaphore(2);
  /** The pack of each type being built, streaming to the device. */
  private readonly building = new Map<BlobType, PieceQueue>();
  private worker: PackWorkerClient | null = null;
  private ring: SharedRing | null = null;
  private budgetWaiters: (() => void)[] = [];
  private flushWaiter: (() => void) | null = null;
  private pendingBytes = 0;
  private failure: unknown = null;
  private sessionPacks: IndexedPack[] = [];
  private interimPacks = 0;
  private interimKeys: string[] = [];

  constructor(private readonly o: PackerOptions) {}

  isPending(id: string): boolean {
    return this.pendingIds.has(id);
  }

  async add(type: BlobType, id: string, plaintext: Buffer): Promise<void> {
    this.throwIfFailed();
    this.pendingIds.add(id);
    await this.reserve(plaintext.length);
    const worker = this.startWorker();
    const ring = this.ring!;
    let at = ring.allocate(plaintext.length);
    // The ring frees in order: wait for the worker to finish older blobs. (Larger than the ring,
    // or empty: sent as a copy with the message.)
    while (at < 0 && plaintext.length > 0 && plaintext.length <= ring.size) {
      await new Promise<void>((resolve) => this.budgetWaiters.push(resolve));
      this.throwIfFailed();
      at = ring.allocate(plaintext.length);
    }
    if (at < 0) return worker.encode(type, id, plaintext);
    // fill() with a buffer of the region's length is one native memcpy; set() into shared memory
    // copies word by word with atomics (measured 8-11 vs 12-13 GB/s on data not in the cache).
    if (plaintext.length > 0) ring.view.fill(plaintext, at, at + plaintext.length);
    worker.encodeShared(type, id, at, plaintext.length);
  }

  /** Appends an already encoded (and verified) blob box unchanged: prune's and repair's repacking. */
  async addEncoded(type: BlobType, id: string, stored: Buffer, rawLength: number): Promise<void> {
    await this.enqueue(id, stored.length, (worker) => worker.appendRaw(type, id, stored, rawLength));
  }

  /** Packs written since the last index (all of them when writeIndexes is false). */
  writtenPacks(): IndexedPack[] {
    return [...this.sessionPacks];
  }

  /** Seals the open packs, waits for every write, then writes one index of this session's packs. */
  async flush(): Promise<void> {
    this.throwIfFailed();
    if (this.worker) {
      const flushed = new Promise<void>((resolve) => (this.flushWaiter = resolve));
      this.worker.flush();
      await flushed;
    }
    while (this.writes.size > 0) await Promise.all([...this.writes]);
    this.throwIfFailed();
    if (this.o.writeIndexes === false || this.sessionPacks.length + this.interimKeys.length === 0) return;
    await this.writeIndex(this.sessionPacks);
    // The full index is durable: the interim ones it supersedes can go (a crash here leaves both).
    for (const key of this.interimKeys) await this.o.driver.delete(key).catch(() => undefined);
    this.interimKeys = [];
    this.sessionPacks = [];
    this.interimPacks = 0;
  }

  async close(): Promise<void> {
    // A pack never sealed (an interrupted save) is abandoned: its write removes its temp file.
    for (const queue of this.building.values()) queue.fail(new Error("The repository was closed before the pack was complete."));
    this.building.clear();
    await Promise.allSettled([...this.writes]);
    await this.worker?.terminate();
    this.worker = null;
    this.ring = null; // Its regions belonged to the old worker.
  }

  async writeIndex(packs: IndexedPack[]): Promise<string> {
    const bytes = encodeIndex(this.o.rawKey, packs);
    const key = indexKey(createHash("sha256").update(bytes).digest("hex"));
    await this.o.driver.write(key, bytes).catch((error: unknown) => Promise.reject(toRepositoryError(error, key)));
    this.o.stats.indexesWritten++;
    this.o.emit({ type: "index_written", key, packs: packs.length });
    return key;
  }

  private async enqueue(id: string, bytes: number, post: (worker: PackWorkerClient) => void): Promise<void> {
    this.throwIfFailed();
    this.pendingIds.add(id);
    await this.reserve(bytes);
    // Posting copies the bytes now: the caller may reuse its buffer as soon as we return.
    post(this.startWorker());
  }

  private startWorker(): PackWorkerClient {
    // The ring holds blobs not yet encoded; the rest of the budget covers pieces being written.
    this.ring ??= new SharedRing(Math.max(Math.min(this.o.maxPendingBytes, RING_BYTES), 1024 * 1024));
    const ring = this.ring.buffer;
    this.worker ??= new PackWorkerClient(
      { key: this.o.rawKey, packSize: this.o.packSize, level: this.o.compressionLevel ?? ZSTD_LEVEL, ring },
      (reply) => this.onReply(reply),
      (error) => this.fail(error),
    );
    return this.worker;
  }

  private onReply(reply: WorkerReply): void {
    if (reply.op === "encoded") {
      if (reply.at !== undefined) this.ring?.free(reply.at);
      this.release(reply.size);
      if (reply.raw) return;
      this.o.stats.bytesStored += reply.storedSize;
      this.o.emit({ type: "blob_saved", blobType: reply.type, id: reply.id, size: reply.size, storedSize: reply.storedSize });
    } else if (reply.op === "piece") {
      const piece = Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength);
      this.pendingBytes += piece.length;
      let queue = this.building.get(reply.type);
      if (!queue) this.building.set(reply.type, (queue = this.startPackWrite()));
      queue.push(piece);
    } else if (reply.op === "sealed") {
      // A pack of header only cannot happen (sealPack skips empty packs), so its pieces came first.
      this.building.get(reply.type)?.seal({ hash: reply.hash, size: reply.size, blobs: reply.blobs });
      this.building.delete(reply.type);
    } else if (reply.op === "flushed") {
      this.flushWaiter?.();
      this.flushWaiter = null;
    } else {
      this.fail(new Error(`pack worker: ${reply.message}`));
    }
  }

  private startPackWrite(): PieceQueue {
    const queue = new PieceQueue();
    const task = this.writeSlots
      .run(async () => (this.failure === null ? this.writePack(queue) : undefined))
      .catch((error: unknown) => this.fail(error))
      .finally(() => this.writes.delete(task));
    this.writes.add(task);
    return queue;
  }

  private async writePack(queue: PieceQueue): Promise<void> {
    const keyAtEnd = () => packKey(queue.sealed!.hash);
    const driver = this.o.driver;
    try {
      if (driver.writeNamedAtEnd) {
        await driver.writeNamedAtEnd(PACK_PREFIX, queue.drain((piece) => this.pieceWritten(piece)), keyAtEnd);
      } else {
        await this.writeWhole(queue, keyAtEnd);
      }
    } catch (error) {
      throw toRepositoryError(error, queue.sealed ? keyAtEnd() : PACK_PREFIX);
    }
    await this.packWritten(queue.sealed!);
  }

  /**
   * For a driver that needs the key first (the backup server's: it is the URL), the pack is
   * gathered in a whole-pack buffer and written once sealed. The pieces go back to the worker as
   * they are copied and the buffers are reused, so a pack costs one buffer, not pieces plus a
   * copy of them (which measured 440+ MiB peak for a backup through the server).
   */
  private async writeWhole(queue: PieceQueue, keyAtEnd: () => string): Promise<void> {
    let bytes = this.wholePacks.pop() ?? Buffer.allocUnsafe(this.o.packSize + WHOLE_PACK_SLACK);
    let size = 0;
    try {
      // Each piece's budget now covers its copy in `bytes`, released once the write is done.
      for await (const piece of queue.drain((p) => this.recycle(p))) {
        if (size + piece.length > bytes.length) {
          const grown = Buffer.allocUnsafe(Math.max(bytes.length * 2, size + piece.length));
          bytes.copy(grown, 0, 0, size);
          bytes = grown;
        }
        size += piece.copy(bytes, size);
      }
      await this.wholeWrites.run(() => this.o.driver.write(keyAtEnd(), bytes.subarray(0, size)));
    } finally {
      this.release(size);
      if (this.wholePacks.length < MAX_WHOLE_PACKS) this.wholePacks.push(bytes);
    }
  }

  /** The driver is done with the piece: its budget is free and the worker may reuse its buffer. */
  private pieceWritten(piece: Buffer): void {
    this.release(piece.length);
    this.recycle(piece);
  }

  private recycle(piece: Buffer): void {
    if (this.worker && piece.byteOffset === 0 && piece.buffer instanceof ArrayBuffer) this.worker.recycle(piece.buffer);
  }

  private async packWritten(pack: SealedPack): Promise<void> {
    this.o.index.addPack(pack);
    for (const b of pack.blobs) this.pendingIds.delete(b.id);
    this.sessionPacks.push(pack);
    this.o.stats.packsWritten++;
    this.o.emit({ type: "pack_written", key: packKey(pack.hash), size: pack.size, blobs: pack.blobs.length });
    if (this.o.writeIndexes !== false && this.sessionPacks.length - this.interimPacks >= PACKS_PER_INTERIM_INDEX) {
      const slice = this.sessionPacks.slice(this.interimPacks);
      this.interimPacks = this.sessionPacks.length;
      this.interimKeys.push(await this.writeIndex(slice));
    }
  }

  private async reserve(bytes: number): Promise<void> {
    // Both terms drain on their own (the worker encodes, the writer writes): no deadlock.
    while (this.pendingBytes > 0 && this.pendingBytes + bytes > this.o.maxPendingBytes) {
      this.throwIfFailed();
      await new Promise<void>((resolve) => this.budgetWaiters.push(resolve));
    }
    this.throwIfFailed();
    this.pendingBytes += bytes;
  }

  private release(bytes: number): void {
    this.pendingBytes -= bytes;
    const waiters = this.budgetWaiters;
    this.budgetWaiters = [];
    for (const wake of waiters) wake();
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    for (const queue of this.building.values()) queue.fail(this.failure);
    this.building.clear();
    this.release(0);
    this.flushWaiter?.();
    this.flushWaiter = null;
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure;
  }
}
