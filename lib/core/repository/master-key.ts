import { randomBytes } from "node:crypto";

/**
 * The secrets of a repository, created once at init and never changed (changing the passphrase
 * re-wraps them): the AES-256-GCM data key, the BLAKE3 key of blob ids, and the chunker seed.
 */
export interface MasterKey {
  encryptionKey: Buffer;
  idKey: Buffer;
  chunkerSeed: Buffer;
}

export function createMasterKey(): MasterKey {
  return { encryptionKey: randomBytes(32), idKey: randomBytes(32), chunkerSeed: randomBytes(32) };
}

/** Serialized inside the wrapped key file; binds the key to one config's bytes (hash). */
export interface MasterKeyPayload {
  version: 1;
  encryptionKey: string;
  idKey: string;
  chunkerSeed: string;
  /** SHA-256 (hex) of the config object's bytes: a tampered config is refused. */
  configHash: string;
}

export function encodeMasterKey(key: MasterKey, configHash: string): Buffer {
  const payload: MasterKeyPayload = {
    version: 1,
    encryptionKey: key.encryptionKey.toString("base64"),
    idKey: key.idKey.toString("base64"),
    chunkerSeed: key.chunkerSeed.toString("base64"),
    configHash,
  };
  return Buffer.from(JSON.stringify(payload));
}

export function decodeMasterKey(bytes: Buffer): { key: MasterKey; configHash: string } | null {
  try {
    const payload = JSON.parse(bytes.toString("utf8")) as Partial<MasterKeyPayload>;
    const parts = [payload.encryptionKey, payload.idKey, payload.chunkerSeed].map((b) => Buffer.from(String(b), "base64"));
    if (payload.version !== 1 || parts.some((p) => p.length !== 32) || typeof payload.configHash !== "string") return null;
    const [encryptionKey, idKey, chunkerSeed] = parts as [Buffer, Buffer, Buffer];
    return { key: { encryptionKey, idKey, chunkerSeed }, configHash: payload.configHash };
  } catch {
    return null;
  }
}
