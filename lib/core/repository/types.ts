/**
 * Public types of the repository format (see FORMAT.md for the bytes behind them).
 * Stability rule: fields are only ever added (optional), never renamed or re-typed.
 */
import type { StorageDriver } from "../storage/driver";

/** A blob id: 64 lowercase hex characters, the keyed hash of the blob's plaintext. */
export type BlobId = string;
/** A snapshot id: 64 lowercase hex characters, the SHA-256 of its stored file. */
export type SnapshotId = string;
export type BlobType = "data" | "tree";

export type KdfParams =
  | { algorithm: "scrypt"; n: number; r: number; p: number }
  | { algorithm: "argon2id"; memoryKiB: number; iterations: number; parallelism: number };

export interface ChunkerParams {
  algorithm: "fastcdc";
  minSize: number;
  avgSize: number;
  maxSize: number;
}

/** The plaintext `config` object. Readable without the key so a version mismatch is clear. */
export interface RepositoryConfig {
  version: 1;
  /** 64 hex, random at init. */
  id: string;
  chunker: ChunkerParams;
  /** Target pack file size in bytes. */
  packSize: number;
  created: string;
}

/** Injectable side effects, so tests can drive clocks, hosts and dead processes. */
export interface RepositoryRuntime {
  /** Milliseconds since the epoch. Default Date.now. */
  now: () => number;
  hostname: string;
  pid: number;
  /** Whether a process of this host is alive. Default: process.kill(pid, 0). */
  isProcessAlive: (pid: number) => boolean;
  /** A lock not refreshed for this long is stale (default 30 min, as restic). */
  lockStaleMs: number;
  /** How often a held lock is refreshed (default 5 min). */
  lockRefreshMs: number;
  /** zstd level for new blobs (default 1; not part of the format: any level reads back). */
  compressionLevel?: number;
  /**
   * Backpressure: max bytes of blobs accepted but not yet encoded plus pack pieces not yet
   * written (default 40 MiB; the shared ring that carries blobs to the pack worker is this size
   * up to 8 MiB). For a driver without writeNamedAtEnd it also covers whole packs being sent.
   */
  maxPendingBytes: number;
  /** Progress and accounting events; must not throw. */
  onEvent?: (event: RepositoryEvent) => void;
}

export interface InitOptions extends Partial<RepositoryRuntime> {
  passphrase: string;
  /** Default: argon2id, 64 MiB, 3 iterations. Tests pass cheap parameters. */
  kdf?: KdfParams;
  chunker?: Omit<ChunkerParams, "algorithm">;
  packSize?: number;
  /** Recorded in the key file; informational. */
  username?: string;
}

export interface OpenOptions extends Partial<RepositoryRuntime> {
  passphrase: string;
}

export type RepositoryEvent =
  | { type: "blob_saved"; blobType: BlobType; id: BlobId; size: number; storedSize: number }
  | { type: "pack_written"; key: string; size: number; blobs: number }
  | { type: "index_written"; key: string; packs: number }
  | { type: "lock_refreshed"; key: string }
  | { type: "lock_refresh_failed"; key: string; error: unknown };

export interface SaveBlobResult {
  id: BlobId;
  /** False when the repository (or this session) already had the blob: nothing is stored. */
  isNew: boolean;
  /** Plaintext length. The stored size arrives later with the "blob_saved" event and in stats. */
  size: number;
}

/** Cumulative counters since the repository was opened. */
export interface RepositoryStats {
  blobsNew: number;
  blobsDuplicate: number;
  /** Plaintext bytes of new blobs. */
  bytesNew: number;
  /** Plaintext bytes of blobs that were already there. */
  bytesDuplicate: number;
  /** Bytes of new blobs as written (compressed, encrypted, with overhead). */
  bytesStored: number;
  packsWritten: number;
  indexesWritten: number;
}

export interface ChunkerOptions {
  /**
   * Yield views of one reused buffer instead of fresh Buffers: each chunk is valid only until the
   * loop asks for the next one (await saveBlob inside the loop; do not keep the chunk). Much less
   * garbage on the main thread; the source may then reuse its read buffer too.
   */
  reuseBuffer?: boolean;
}

export interface Chunker {
  /** Cuts a byte stream into content-defined chunks; each yielded Buffer is owned by the caller. */
  chunk(source: AsyncIterable<Buffer | Uint8Array>): AsyncIterable<Buffer>;
}

/** A chunk of a file with its id (Repository.hashedChunks). */
export interface HashedChunk {
  data: Buffer;
  id: BlobId;
}

export type NodeType = "file" | "dir" | "symlink";

export interface TreeNode {
  /** One path segment: never "", ".", ".." and never contains "/" or NUL (checked on save and load). */
  name: string;
  type: NodeType;
  /** Permission bits including setuid/setgid/sticky (st_mode & 0o7777). */
  mode: number;
  /** Modification time, nanoseconds since the epoch, as a decimal integer string (exact). */
  mtimeNs: string;
  /** Change time, for skipping unchanged files; optional. */
  ctimeNs?: string;
  /** Inode and device, for skipping unchanged files; optional, decimal strings. */
  inode?: string;
  device?: string;
  /** File size in bytes (files only; 0 otherwise). */
  size: number;
  uid?: number;
  gid?: number;
  user?: string;
  group?: string;
  /** file: data blob ids in order (empty for an empty file). */
  content?: BlobId[];
  /** dir: the tree blob id of its contents. */
  subtree?: BlobId;
  /** symlink: the target exactly as read (may be absolute or contain ".."; restore decides). */
  linkTarget?: string;
}

/** A directory's entries, sorted by name (byte order of UTF-8), names unique. */
export interface Tree {
  nodes: TreeNode[];
}

export interface SnapshotSummary {
  files: number;
  dirs: number;
  bytesScanned: number;
  bytesNew: number;
  bytesStored: number;
  durationMs: number;
}

export interface Snapshot {
  /** ISO 8601 UTC with milliseconds. */
  time: string;
  tree: BlobId;
  /** Absolute source paths as given to backup. */
  paths: string[];
  hostname: string;
  username?: string;
  tags?: string[];
  parent?: SnapshotId;
  excludes?: string[];
  summary?: SnapshotSummary;
  programVersion?: string;
}

export interface SnapshotEntry extends Snapshot {
  id: SnapshotId;
}

export type LockMode = "shared" | "exclusive";

export interface LockInfo {
  /** Storage key, "locks/<id>". */
  key: string;
  mode: LockMode;
  hostname: string;
  pid: number;
  username?: string;
  /** ms since the epoch of acquisition and of the last refresh. */
  createdAt: number;
  refreshedAt: number;
}

export interface LockHandle {
  readonly info: LockInfo;
  /** Rejects with "locked" if another holder has since removed our lock (we must stop). */
  refresh(): Promise<void>;
  release(): Promise<void>;
}

export interface LockOptions {
  /** Keep retrying a conflicting lock for this long before "locked" (default 0: fail at once). */
  waitMs?: number;
}

export type CheckProblemKind =
  | "config_damaged"
  | "key_damaged"
  | "index_damaged"
  | "pack_missing"
  | "pack_size_mismatch"
  | "pack_hash_mismatch"
  | "pack_header_damaged"
  | "index_out_of_range"
  | "blob_damaged"
  | "blob_missing"
  | "tree_damaged"
  | "snapshot_damaged"
  /** Not an error: a pack no index lists (left by an interrupted backup); prune removes it. */
  | "pack_unindexed";

export interface CheckProblem {
  kind: CheckProblemKind;
  severity: "error" | "warning";
  /** Storage key of the bad object ("data/ab/ab12…", "index/…", "snapshots/…"). */
  object: string;
  blob?: BlobId;
  message: string;
}

export interface CheckOptions {
  /** Re-hash every pack file and decrypt + verify every blob. */
  readData: boolean;
  onProgress?: (progress: { phase: string; done: number; total: number }) => void;
}

export interface CheckReport {
  ok: boolean;
  /** Errors first, then warnings; each bad object once per kind. */
  problems: CheckProblem[];
  snapshots: number;
  packs: number;
  blobs: number;
  bytesRead: number;
}

export interface PruneOptions {
  dryRun?: boolean;
  onProgress?: (progress: { phase: string; done: number; total: number }) => void;
}

export interface PruneReport {
  packsDeleted: number;
  packsRepacked: number;
  packsWritten: number;
  blobsRemoved: number;
  /** Bytes of storage no longer used (old files minus rewritten ones). */
  bytesFreed: number;
  indexesRewritten: number;
  /** Packs no index listed (interrupted backups), deleted. */
  unindexedPacksDeleted: number;
}

export interface RepairOptions {
  /** Read every pack (default true): finds damaged blobs inside packs that look fine. */
  readData?: boolean;
  dryRun?: boolean;
}

export interface RepairReport {
  /** Damaged packs taken out of the index (and deleted) after their good blobs were copied. */
  packsDropped: string[];
  blobsSalvaged: number;
  /** Blob ids that were damaged: the next backup of the same data uploads them again. */
  blobsLost: string[];
  /** Unindexed but intact packs (an interrupted backup's) put back into the index. */
  packsReindexed: number;
  /** Snapshot files that did not verify, deleted. */
  snapshotsRemoved: string[];
  indexesRewritten: number;
}

export interface ForgetPolicy {
  keepLast?: number;
  keepHourly?: number;
  keepDaily?: number;
  keepWeekly?: number;
  keepMonthly?: number;
  keepYearly?: number;
  /** Keep every snapshot newer than `now - keepWithinMs`. */
  keepWithinMs?: number;
  /** Buckets in UTC instead of the local time zone (restic uses local time). */
  utc?: boolean;
}

export interface ForgetDecision {
  keep: SnapshotEntry[];
  remove: SnapshotEntry[];
  /** Why each kept snapshot is kept, by id: "last", "daily", ... */
  reasons: Record<SnapshotId, string[]>;
}

export interface Repository {
  readonly id: string;
  readonly config: RepositoryConfig;
  readonly driver: StorageDriver;

  chunker(options?: ChunkerOptions): Chunker;
  /**
   * Cuts what `read` delivers (it fills `into` from the start and returns the byte count, 0 at
   * the end) into the chunker's chunks, each with its id; cutting and hashing run on a worker
   * thread. Reads land in a reused work buffer and each chunk is a view of it, valid only until
   * the loop asks for the next one (await saveBlob inside the loop; do not keep the chunk). What
   * a backup reads files with.
   */
  hashedChunks(read: (into: Uint8Array) => Promise<number>, readSize?: number): AsyncIterable<HashedChunk>;
  /** The keyed id of a plaintext (synchronous, on the calling thread). */
  blobId(plaintext: Uint8Array): BlobId;
  /** Known in the index or queued in this session. */
  hasBlob(id: BlobId): boolean;
  /**
   * Queues a blob to be compressed, encrypted and packed in the background. Resolves once the
   * blob is accepted, which waits while too many bytes are pending (await it: that is the
   * backpressure). A background failure rejects the next saveBlob/flush. `id`, if given, must be
   * `blobId(plaintext)` (saves hashing twice; not re-checked). The bytes are copied before the
   * promise resolves, so the buffer may be reused afterwards. Hold a shared lock while saving
   * (prune deletes packs no index lists yet).
   */
  saveBlob(type: BlobType, plaintext: Buffer, id?: BlobId): Promise<SaveBlobResult>;
  /** Writes every pending pack and then an index file naming them; resolves when durable. */
  flush(): Promise<void>;
  /** Decrypts and verifies; a damaged blob throws RepositoryError("damaged") naming pack + blob. */
  loadBlob(id: BlobId): Promise<Buffer>;
  /**
   * The verified plaintexts of `ids`, in order (a file's content list): adjacent blobs of a pack
   * are read together and up to `prefetch` (default 4) reads run ahead. A bad blob throws
   * "damaged" when the iteration reaches it, after every blob before it was yielded. Faster than
   * loadBlob in a loop for restore.
   */
  loadBlobs(ids: readonly BlobId[], options?: { prefetch?: number }): AsyncIterable<Buffer>;
  /**
   * Writes the verified plaintexts of `ids` to the open file `fd` from offset 0 and returns the
   * bytes written, decoding and writing off the main thread without a buffer per blob (restore).
   * The first damaged blob throws "damaged"; the file then holds a prefix to be discarded.
   */
  writeBlobs(ids: readonly BlobId[], fd: number, options?: { prefetch?: number; onBytes?: (n: number) => void }): Promise<number>;
  /** Size of the stored blob's plaintext, from the index (undefined if unknown). */
  blobSize(id: BlobId): number | undefined;

  saveTree(tree: Tree): Promise<BlobId>;
  loadTree(id: BlobId): Promise<Tree>;

  /**
   * Flushes, re-checks every lock this handle holds (a lock removed by someone else fails with
   * "locked" and no snapshot is written), then writes the snapshot file: it exists from then on.
   */
  saveSnapshot(snapshot: Snapshot): Promise<SnapshotId>;
  /** Sorted oldest first. Unreadable snapshot files are skipped (check reports them). */
  listSnapshots(): Promise<SnapshotEntry[]>;
  /** A full id, a unique prefix (>= 4 hex) or "latest". */
  loadSnapshot(ref: string): Promise<SnapshotEntry>;
  deleteSnapshot(id: SnapshotId): Promise<void>;

  lock(mode: LockMode, options?: LockOptions): Promise<LockHandle>;
  listLocks(): Promise<LockInfo[]>;
  /** Removes only provably stale locks; returns their keys. */
  removeStaleLocks(): Promise<string[]>;

  /** Re-wraps the master key under a new passphrase; no data is rewritten. */
  changePassphrase(oldPassphrase: string, newPassphrase: string, kdf?: KdfParams): Promise<void>;

  check(options: CheckOptions): Promise<CheckReport>;
  /** Takes the exclusive lock itself; refuses ("damaged") when check finds an error. */
  prune(options?: PruneOptions): Promise<PruneReport>;

  /**
   * Takes the exclusive lock itself (or uses one this handle holds). Drops damaged data from the
   * index after salvaging what verifies, re-indexes intact unindexed packs, removes unreadable
   * snapshot files. Afterwards check reports only blobs that trees reference but nobody has.
   */
  repair(options?: RepairOptions): Promise<RepairReport>;

  stats(): RepositoryStats;
  /** Releases the locks this handle holds; does NOT flush (pending unflushed blobs are dropped). */
  close(): Promise<void>;
}
