import type { StorageDriver } from "../storage/driver";
import { changePassphrase } from "./change-passphrase";
import { checkRepository } from "./check";
import { createChunker } from "./chunker";
import { computeBlobId, type RepositoryContext } from "./context";
import { decodeWorkerFor } from "./decode-run";
import { importBoxKey } from "./crypto-box";
import { RepositoryError } from "./errors";
import { deriveGearTable } from "./gear-table";
import { chunkWorkerFor, hashedChunks, type ChunkWorker } from "./hashed-chunks";
import { loadBlob } from "./load-blob";
import { loadBlobs, writeBlobs } from "./load-blobs";
import { ReadRing } from "./read-ring";
import { loadIndexFiles } from "./load-indexes";
import { acquireLock, listLocks, removeStaleLocks } from "./locks";
import { MasterIndex } from "./master-index";
import type { MasterKey } from "./master-key";
import { Packer } from "./packer";
import { pruneRepository } from "./prune";
import { repairRepository } from "./repair";
import { deleteSnapshot, listSnapshots, loadSnapshot, saveSnapshot } from "./snapshots";
import { decodeTree, encodeTree } from "./tree-codec";
import type { BlobType, Chunker, ChunkerOptions, LockHandle, LockMode, LockOptions, Repository, RepositoryConfig, RepositoryRuntime, Snapshot, Tree } from "./types";

/** Builds the handle of an opened repository: loads every index, wires the save pipeline. */
export async function createRepositoryHandle(
  driver: StorageDriver,
  config: RepositoryConfig,
  master: MasterKey,
  runtime: RepositoryRuntime,
): Promise<Repository> {
  const index = new MasterIndex();
  const damagedIndexes: string[] = [];
  for (const file of await loadIndexFiles(driver, master.encryptionKey)) {
    if (file.packs) file.packs.forEach((p) => index.addPack(p));
    else damagedIndexes.push(file.key);
  }
  const stats = { blobsNew: 0, blobsDuplicate: 0, bytesNew: 0, bytesDuplicate: 0, bytesStored: 0, packsWritten: 0, indexesWritten: 0 };
  const emit: RepositoryContext["emit"] = (event) => {
    try {
      runtime.onEvent?.(event);
    } catch {
      // A progress sink must not break a backup.
    }
  };
  const boxKey = await importBoxKey(master.encryptionKey);
  const packer = new Packer({
    driver, rawKey: master.encryptionKey, index, packSize: config.packSize,
    maxPendingBytes: runtime.maxPendingBytes, stats, emit,
    ...(runtime.compressionLevel === undefined ? {} : { compressionLevel: runtime.compressionLevel }),
  });
  // Shared memory is reserved, not touched: a backup that never restores pays nothing for it.
  const readRing = new ReadRing(RESTORE_READ_BYTES);
  const decodeWorker = decodeWorkerFor(master, readRing.buffer);
  const ctx: RepositoryContext = { driver, config, master, boxKey, index, packer, decodeWorker, readRing, runtime, stats, damagedIndexes, emit };
  return new RepositoryHandle(ctx);
}

/**
 * Pack bytes read for writeBlobs and not yet decoded, over all files being restored at once (the
 * read ring): the restore's memory is this, not files in flight times reads per file, so many
 * small files can keep the decode worker busy while a few large ones cannot hold more than this.
 */
const RESTORE_READ_BYTES = 16 * 1024 * 1024;

class RepositoryHandle implements Repository {
  private readonly gear: Uint32Array;
  private readonly held = new Set<LockHandle>();
  private readonly chunkWorker: ChunkWorker;

  constructor(private readonly ctx: RepositoryContext) {
    this.gear = deriveGearTable(ctx.master.chunkerSeed);
    this.chunkWorker = chunkWorkerFor(ctx.config.chunker, this.gear, ctx.master.idKey);
  }

  get id() { return this.ctx.config.id; }
  get config() { return this.ctx.config; }
  get driver() { return this.ctx.driver; }

  chunker(options?: ChunkerOptions): Chunker {
    return createChunker(this.ctx.config.chunker, this.gear, options);
  }

  hashedChunks(read: (into: Uint8Array) => Promise<number>, readSize?: number) {
    return hashedChunks(this.chunkWorker, this.ctx.config.chunker, read, (chunk) => this.blobId(chunk), readSize);
  }

  blobId(plaintext: Uint8Array): string {
    return computeBlobId(this.ctx.master.idKey, plaintext);
  }

  hasBlob(id: string): boolean {
    return this.ctx.index.has(id) || this.ctx.packer.isPending(id);
  }

  blobSize(id: string): number | undefined {
    return this.ctx.index.get(id)?.rawLength;
  }

  async saveBlob(type: BlobType, plaintext: Buffer, id?: string) {
    const blobId = id ?? this.blobId(plaintext);
    const s = this.ctx.stats;
    if (this.hasBlob(blobId)) {
      s.blobsDuplicate++;
      s.bytesDuplicate += plaintext.length;
      return { id: blobId, isNew: false, size: plaintext.length };
    }
    await this.ctx.packer.add(type, blobId, plaintext);
    s.blobsNew++;
    s.bytesNew += plaintext.length;
    return { id: blobId, isNew: true, size: plaintext.length };
  }

  flush(): Promise<void> {
    return this.ctx.packer.flush();
  }

  loadBlob(id: string): Promise<Buffer> {
    return loadBlob(this.ctx, id);
  }

  loadBlobs(ids: readonly string[], options: { prefetch?: number } = {}): AsyncIterable<Buffer> {
    return loadBlobs(this.ctx, ids, options.prefetch);
  }

  writeBlobs(ids: readonly string[], fd: number, options: { prefetch?: number; onBytes?: (n: number) => void } = {}): Promise<number> {
    return writeBlobs(this.ctx, ids, fd, options.prefetch, options.onBytes);
  }

  async saveTree(tree: Tree): Promise<string> {
    return (await this.saveBlob("tree", encodeTree(tree))).id;
  }

  async loadTree(id: string): Promise<Tree> {
    const tree = decodeTree(await this.loadBlob(id));
    if (typeof tree === "string") throw new RepositoryError("damaged", `Tree ${id} ${tree}.`, { objects: [`blob ${id}`] });
    return tree;
  }

  /** Data first, then proof that our locks still stand (none was removed as stale), then the file. */
  async saveSnapshot(snapshot: Snapshot) {
    await this.ctx.packer.flush();
    for (const handle of this.held) await handle.refresh();
    return saveSnapshot(this.ctx, snapshot);
  }
  listSnapshots() { return listSnapshots(this.ctx); }
  loadSnapshot(ref: string) { return loadSnapshot(this.ctx, ref); }
  deleteSnapshot(id: string) { return deleteSnapshot(this.ctx, id); }

  async lock(mode: LockMode, options?: LockOptions): Promise<LockHandle> {
    const handle = await acquireLock(this.ctx, mode, options);
    this.held.add(handle);
    const release = handle.release.bind(handle);
    handle.release = async () => {
      this.held.delete(handle);
      await release();
    };
    return handle;
  }

  listLocks() { return listLocks(this.ctx); }
  removeStaleLocks() { return removeStaleLocks(this.ctx); }

  changePassphrase(oldPassphrase: string, newPassphrase: string, kdf?: Parameters<Repository["changePassphrase"]>[2]) {
    return changePassphrase(this.ctx, oldPassphrase, newPassphrase, kdf);
  }

  async check(options: Parameters<Repository["check"]>[0]) {
    return (await checkRepository(this.ctx, options)).report;
  }

  prune(options: Parameters<Repository["prune"]>[0] = {}) {
    return this.exclusively(() => pruneRepository(this.ctx, options));
  }

  repair(options: Parameters<Repository["repair"]>[0] = {}) {
    return this.exclusively(() => repairRepository(this.ctx, options));
  }

  /** Runs under the exclusive lock: one this handle already holds, or a new one. */
  private async exclusively<T>(work: () => Promise<T>): Promise<T> {
    const mine = [...this.held].find((h) => h.info.mode === "exclusive");
    const lock = mine ?? (await this.lock("exclusive"));
    try {
      return await work();
    } finally {
      if (!mine) await lock.release();
    }
  }

  stats() {
    return { ...this.ctx.stats };
  }

  async close(): Promise<void> {
    for (const handle of [...this.held]) await handle.release().catch(() => undefined);
    await this.chunkWorker.terminate();
    await this.ctx.decodeWorker.terminate();
    await this.ctx.packer.close();
  }
}
