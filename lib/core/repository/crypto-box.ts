import { createCipheriv, createDecipheriv, randomBytes, webcrypto } from "node:crypto";

/**
 * The one encryption envelope of the format: nonce (12 random bytes) || AES-256-GCM ciphertext ||
 * tag (16 bytes), with caller-chosen associated data binding the bytes to their role (and, for
 * blobs, to their id). Sync variants for small objects; the async open runs on the libuv pool
 * (WebCrypto) so blob decryption during restore leaves the main thread free. Blobs and pack
 * headers are sealed by pack-worker.mjs with the same layout.
 */
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const BOX_OVERHEAD = NONCE_BYTES + TAG_BYTES;

export function sealSync(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(aad);
  const body = cipher.update(plaintext);
  const final = cipher.final();
  return Buffer.concat([nonce, body, final, cipher.getAuthTag()]);
}

/** Null when the bytes are not authentic under this key and associated data. */
export function openSync(key: Uint8Array, box: Uint8Array, aad: Uint8Array): Buffer | null {
  if (box.length < BOX_OVERHEAD) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, box.subarray(0, NONCE_BYTES));
    decipher.setAAD(aad);
    decipher.setAuthTag(box.subarray(box.length - TAG_BYTES));
    return Buffer.concat([decipher.update(box.subarray(NONCE_BYTES, box.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

export type BoxKey = webcrypto.CryptoKey;

export function importBoxKey(key: Uint8Array): Promise<BoxKey> {
  return webcrypto.subtle.importKey("raw", key, "AES-GCM", false, ["encrypt", "decrypt"]);
}

export async function open(key: BoxKey, box: Uint8Array, aad: Uint8Array): Promise<Buffer | null> {
  if (box.length < BOX_OVERHEAD) return null;
  try {
    const iv = box.subarray(0, NONCE_BYTES);
    const plain = await webcrypto.subtle.decrypt({ name: "AES-GCM", iv, additionalData: aad }, key, box.subarray(NONCE_BYTES));
    return Buffer.from(plain);
  } catch {
    return null;
  }
}
