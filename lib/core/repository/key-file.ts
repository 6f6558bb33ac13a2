import { createHash, randomBytes } from "node:crypto";
import { openSync, sealSync } from "./crypto-box";
import { deriveWrappingKey, validateKdf } from "./kdf";
import { decodeMasterKey, encodeMasterKey, type MasterKey } from "./master-key";
import type { KdfParams } from "./types";

/**
 * `keys/<sha256 of the file>`: plaintext JSON with the KDF parameters and salt, and the master
 * key sealed with the passphrase-derived key (AAD: "strongroom key v1 " + repository id).
 * Several key files may exist (one per passphrase); any one opens the repository.
 */
export interface KeyFileJson {
  version: 1;
  created: string;
  hostname?: string;
  username?: string;
  kdf: KdfParams;
  salt: string;
  data: string;
}

const aadFor = (repositoryId: string) => Buffer.from(`strongroom key v1 ${repositoryId}`);

export async function createKeyFile(options: {
  master: MasterKey;
  configHash: string;
  repositoryId: string;
  passphrase: string;
  kdf: KdfParams;
  created: string;
  hostname?: string;
  username?: string;
}): Promise<{ key: string; bytes: Buffer }> {
  const salt = randomBytes(32);
  const wrapping = await deriveWrappingKey(options.passphrase, options.kdf, salt);
  const sealed = sealSync(wrapping, encodeMasterKey(options.master, options.configHash), aadFor(options.repositoryId));
  const json: KeyFileJson = {
    version: 1,
    created: options.created,
    ...(options.hostname ? { hostname: options.hostname } : {}),
    ...(options.username ? { username: options.username } : {}),
    kdf: options.kdf,
    salt: salt.toString("base64"),
    data: sealed.toString("base64"),
  };
  const bytes = Buffer.from(JSON.stringify(json, null, 2) + "\n");
  return { key: `keys/${createHash("sha256").update(bytes).digest("hex")}`, bytes };
}

export function parseKeyFile(bytes: Buffer): KeyFileJson | null {
  try {
    const json = JSON.parse(bytes.toString("utf8")) as KeyFileJson;
    if (json.version !== 1 || typeof json.salt !== "string" || typeof json.data !== "string") return null;
    validateKdf(json.kdf);
    return json;
  } catch {
    return null;
  }
}

/** The master key, or null when the passphrase does not open this key file. */
export async function openKeyFile(
  file: KeyFileJson,
  passphrase: string,
  repositoryId: string,
): Promise<{ key: MasterKey; configHash: string } | null> {
  const wrapping = await deriveWrappingKey(passphrase, file.kdf, Buffer.from(file.salt, "base64"));
  const plain = openSync(wrapping, Buffer.from(file.data, "base64"), aadFor(repositoryId));
  return plain ? decodeMasterKey(plain) : null;
}
