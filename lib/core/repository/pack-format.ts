import { openSync } from "./crypto-box";
import type { BlobType } from "./types";

/**
 * A pack file: blob boxes back to back, then the header box, then a 4-byte little-endian length
 * of the header box and the magic "SRP1". Header plaintext: u32 LE count, then per blob
 * type (u8: 0 data, 1 tree), id (32 bytes), stored length (u32 LE), plaintext length (u32 LE);
 * offsets follow from the order. AAD "strongroom pack header v1". Written by pack-worker.mjs.
 */
export interface PackBlob {
  type: BlobType;
  id: string;
  offset: number;
  length: number;
  rawLength: number;
}

const MAGIC = Buffer.from("SRP1", "latin1");
const AAD = Buffer.from("strongroom pack header v1");
const ENTRY = 41;
export const TRAILER_BYTES = 8;

/** Parses the header from the whole pack (or its tail); a reason string when it is damaged. */
export function decodePackHeader(key: Uint8Array, tail: Buffer, packSize: number): PackBlob[] | string {
  if (tail.length < TRAILER_BYTES || !tail.subarray(tail.length - 4).equals(MAGIC)) return "no pack trailer";
  const boxLength = tail.readUInt32LE(tail.length - TRAILER_BYTES);
  if (boxLength + TRAILER_BYTES > tail.length) return "header length out of range";
  const plain = openSync(key, tail.subarray(tail.length - TRAILER_BYTES - boxLength, tail.length - TRAILER_BYTES), AAD);
  if (!plain || plain.length < 4) return "header does not decrypt";
  const count = plain.readUInt32LE(0);
  if (plain.length !== 4 + count * ENTRY) return "header has the wrong length";
  const blobs: PackBlob[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const at = 4 + i * ENTRY;
    const length = plain.readUInt32LE(at + 33);
    blobs.push({ type: plain[at] === 1 ? "tree" : "data", id: plain.toString("hex", at + 1, at + 33), offset, length, rawLength: plain.readUInt32LE(at + 37) });
    offset += length;
  }
  if (offset + boxLength + TRAILER_BYTES !== packSize) return "header does not match the pack size";
  return blobs;
}
