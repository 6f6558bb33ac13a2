import { open, type BoxKey } from "./crypto-box";
import { blobAad } from "./blob-aad.mjs";
import { zstdDecompress } from "./zstd";
import type { BlobType } from "./types";

/**
 * A stored blob: method (u8: 0 raw, 1 zstd) || box(body), the box's AAD being
 * "SRB1" || type (u8: 0 data, 1 tree) || raw 32-byte id || method. A valid blob moved to another
 * id (or from tree to data, or relabelled raw/zstd) fails authentication. The method sits outside
 * the box so the body is encrypted from the compressor's buffer without a copy. zstd is kept only
 * when it saves at least 3 % (else raw: reading it back costs nothing). Blobs are encoded by
 * pack-worker.mjs; this file decodes them.
 */
/** Level 1: measured ~10 % less CPU per GB than level 3 for ~3 % more stored bytes (FORMAT.md 12). */
export const ZSTD_LEVEL = 1;

/** The plaintext, or a reason string when the blob is not authentic or does not decode. */
export async function decodeBlob(key: BoxKey, type: BlobType, id: string, stored: Uint8Array): Promise<Buffer | string> {
  const method = stored[0];
  if (method !== 0 && method !== 1) return "does not decrypt (bytes altered, or not this blob)";
  const body = await open(key, stored.subarray(1), blobAad(type, id, method));
  if (!body) return "does not decrypt (bytes altered, or not this blob)";
  if (method === 0) return body;
  try {
    return await zstdDecompress(body);
  } catch {
    return "does not decompress";
  }
}
