import { createHash } from "node:crypto";
import { openSync, sealSync } from "./crypto-box";
import type { Snapshot } from "./types";

/**
 * `snapshots/<sha256 of the file>`: box(UTF-8 JSON of the Snapshot) with AAD
 * "strongroom snapshot v1". The id is the hash of the stored bytes, so the server can verify
 * the name without the key.
 */
const AAD = Buffer.from("strongroom snapshot v1");
const HEX64 = /^[0-9a-f]{64}$/;

export function encodeSnapshot(key: Uint8Array, snapshot: Snapshot): { id: string; bytes: Buffer } {
  const bytes = sealSync(key, Buffer.from(JSON.stringify(snapshot)), AAD);
  return { id: createHash("sha256").update(bytes).digest("hex"), bytes };
}

/** The snapshot, or null when it does not decrypt or is malformed. */
export function decodeSnapshot(key: Uint8Array, bytes: Buffer): Snapshot | null {
  const plain = openSync(key, bytes, AAD);
  if (!plain) return null;
  try {
    const s = JSON.parse(plain.toString("utf8")) as Snapshot;
    const valid =
      typeof s.time === "string" && !Number.isNaN(Date.parse(s.time)) &&
      typeof s.tree === "string" && HEX64.test(s.tree) &&
      Array.isArray(s.paths) && s.paths.every((p) => typeof p === "string") &&
      typeof s.hostname === "string";
    return valid ? s : null;
  } catch {
    return null;
  }
}
