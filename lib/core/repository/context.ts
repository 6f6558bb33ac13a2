import { createRequire } from "node:module";
import type { StorageDriver } from "../storage/driver";
import type { BoxKey } from "./crypto-box";
import type { DecodeWorker } from "./decode-run";
import type { MasterIndex } from "./master-index";
import type { MasterKey } from "./master-key";
import type { Packer } from "./packer";
import type { ReadRing } from "./read-ring";
import type { RepositoryConfig, RepositoryEvent, RepositoryRuntime, RepositoryStats } from "./types";

/** Everything an operation needs: passed to the one-operation files instead of a god object. */
export interface RepositoryContext {
  driver: StorageDriver;
  config: RepositoryConfig;
  master: MasterKey;
  boxKey: BoxKey;
  index: MasterIndex;
  packer: Packer;
  /** Decodes loadBlobs' pack reads off the main thread (restore). */
  decodeWorker: DecodeWorker;
  /** Where writeBlobs reads packs to, shared with the decode worker (read-ring.ts). */
  readRing: ReadRing;
  runtime: RepositoryRuntime;
  stats: RepositoryStats;
  /** Index files that did not decrypt at open: their blobs are unknown; check reports them. */
  damagedIndexes: string[];
  emit: (event: RepositoryEvent) => void;
}

// Loaded with require, not import: in the bundled CLI (an ES module) an import of this CommonJS
// package makes Node scan its loader for named exports (cjs-module-lexer) at every start.
const { Blake3Hasher } = createRequire(import.meta.url)("@napi-rs/blake-hash") as typeof import("@napi-rs/blake-hash");

/** Keyed BLAKE3 (key = the repository's id key): equal data in two repositories gets unrelated ids. */
export function computeBlobId(idKey: Buffer, plaintext: Uint8Array): string {
  const bytes = Buffer.isBuffer(plaintext) ? plaintext : Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
  return Blake3Hasher.newKeyed(idKey).update(bytes).digest("hex");
}
