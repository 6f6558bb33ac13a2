import { createHmac } from "node:crypto";

/**
 * The 256-entry gear table of FastCDC, derived from the repository's secret chunker seed:
 * HMAC-SHA-256(seed, "strongroom gear table") expanded counter-wise. With a secret table, chunk
 * boundaries (and so chunk sizes) of known content differ between repositories and reveal nothing
 * to someone comparing pack sizes across accounts.
 */
export function deriveGearTable(seed: Uint8Array): Uint32Array {
  const table = new Uint32Array(256);
  for (let block = 0; block < 32; block++) {
    const mac = createHmac("sha256", seed).update(`strongroom gear table ${block}`).digest();
    for (let i = 0; i < 8; i++) table[block * 8 + i] = mac.readUInt32LE(i * 4);
  }
  return table;
}
