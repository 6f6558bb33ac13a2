import { createHash } from "node:crypto";
import type { StorageDriver } from "../storage/driver";
import { ZSTD_LEVEL } from "./blob-codec";
import { encodeIndex, type IndexedPack } from "./index-format";
import type { MasterIndex } from "./master-index";
import { indexKey, packKey } from "./object-keys";
import { PackWorkerClient, type WorkerReply } from "./pack-worker-client";
import { Semaphore } from "./semaphore";
import { SharedRing } from "./shared-ring";
import { toRepositoryError } from "./storage-error";
import type { BlobType, RepositoryEvent, RepositoryStats } from "./types";

export interface PackerOptions {
  driver: StorageDriver;
  rawKey: Buffer;
  index: MasterIndex;
  packSize: number;
  concurrency: number;
  maxPendingBytes: number;
  compressionLevel?: number;
  stats: RepositoryStats;
  emit: (event: RepositoryEvent) => void;
  /** False for prune and repair, which write one full index themselves (see writtenPacks()). */
  writeIndexes?: boolean;
}

/** An index file is written every this many packs, so an interrupted backup's packs are reused. */
const PACKS_PER_INTERIM_INDEX = 8;
/** Packs being written at once: each write ends with fsync, which is latency, not bandwidth. */
const WRITE_CONCURRENCY = 2;
/**
 * Largest blob ring: enough for the zstd calls in flight and a few blobs queued behind them; more
 * only buffers more input (24 MiB measured no faster than 8 and cost 16 MiB of peak memory).
 */
const RING_BYTES = 8 * 1024 * 1024;

/**
 * The save pipeline. The caller hashes on the main thread and calls add(); the blob is copied to
 * the pack worker (pack-worker.mjs), which compresses (zstd on the libuv pool), encrypts, appends
 * to one open pack per blob type, and hands back each full pack with its SHA-256. The main thread
 * only writes packs (two at once) and indexes. `pendingBytes` counts plaintext not yet encoded plus
 * packs not yet written; add() waits while it exceeds the budget. The worker runs at most
 * `concurrency` zstd calls at once.
 */
export class Packer {
  private readonly pendingIds = new Set<string>();
  private readonly writeSlots = new Semaphore(WRITE_CONCURRENCY);
  private readonly writes = new Set<Promise<void>>();
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
    ring.view.set(plaintext, at);
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
    // The ring holds blobs not yet encoded; the rest of the budget covers packs being written.
    this.ring ??= new SharedRing(Math.max(Math.min(this.o.maxPendingBytes, RING_BYTES), 1024 * 1024));
    const ring = this.ring.buffer;
    this.worker ??= new PackWorkerClient(
      { key: this.o.rawKey, packSize: this.o.packSize, level: this.o.compressionLevel ?? ZSTD_LEVEL, concurrency: this.o.concurrency, ring },
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
    } else if (reply.op === "pack") {
      this.schedulePackWrite(reply.hash, Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength), reply.blobs);
    } else if (reply.op === "flushed") {
      this.flushWaiter?.();
      this.flushWaiter = null;
    } else {
      this.fail(new Error(`pack worker: ${reply.message}`));
    }
  }

  private schedulePackWrite(hash: string, bytes: Buffer, blobs: IndexedPack["blobs"]): void {
    // Kept apart: recycling detaches the buffer, after which bytes.length reads 0.
    const size = bytes.length;
    this.pendingBytes += size;
    const task = this.writeSlots
      .run(async () => {
        if (this.failure !== null) return;
        await this.writePack({ hash, size, blobs }, bytes);
        // Written: the worker reuses the buffer for a later pack instead of allocating one.
        if (this.worker && bytes.buffer instanceof ArrayBuffer && bytes.buffer.byteLength >= this.o.packSize) this.worker.recycle(bytes.buffer);
      })
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        this.release(size);
        this.writes.delete(task);
      });
    this.writes.add(task);
  }

  private async writePack(pack: IndexedPack, bytes: Buffer): Promise<void> {
    const key = packKey(pack.hash);
    await this.o.driver.write(key, bytes).catch((error: unknown) => Promise.reject(toRepositoryError(error, key)));
    this.o.index.addPack(pack);
    for (const b of pack.blobs) this.pendingIds.delete(b.id);
    this.sessionPacks.push(pack);
    this.o.stats.packsWritten++;
    this.o.emit({ type: "pack_written", key, size: bytes.length, blobs: pack.blobs.length });
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
    this.release(0);
    this.flushWaiter?.();
    this.flushWaiter = null;
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure;
  }
}
