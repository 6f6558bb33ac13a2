/**
 * The repository format: public API for lib/client and lib/server. Everything else in this folder
 * is internal. See FORMAT.md for the bytes and the reasons.
 */
export { RepositoryError, isRepositoryError, type RepositoryErrorCode } from "./errors";
export type * from "./types";
export { initRepository } from "./init-repository";
export { openRepository } from "./open-repository";
export { selectSnapshotsToKeep } from "./select-snapshots-to-keep";
export { verifyObjectName, parseObjectKey, type ObjectKind, type ParsedObjectKey } from "./object-keys";
export { FORMAT_VERSION, DEFAULT_CHUNKER, DEFAULT_PACK_SIZE, DEFAULT_KDF, TEST_KDF, CHUNK_READ_BYTES } from "./constants";
