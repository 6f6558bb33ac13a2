import { openSync, sealSync } from "./crypto-box";
import type { PackBlob } from "./pack-format";

/**
 * An index file `index/<sha256>`: box("SRX1" || u8 method (0 raw) || body) with AAD
 * "strongroom index v1". Body: u32 LE pack count, then per pack: hash (32 bytes), size (u32 LE),
 * blob count (u32 LE), then per blob: type u8, id (32), offset u32, stored length u32,
 * plaintext length u32 (45 bytes a blob). Not compressed: ids are random and do not compress.
 */
export interface IndexedPack {
  hash: string;
  size: number;
  blobs: PackBlob[];
}

const AAD = Buffer.from("strongroom index v1");
const MAGIC = "SRX1";
const BLOB = 45;

export function encodeIndex(key: Uint8Array, packs: readonly IndexedPack[]): Buffer {
  const total = 9 + packs.reduce((n, p) => n + 40 + p.blobs.length * BLOB, 0);
  const plain = Buffer.alloc(total);
  plain.write(MAGIC, 0, "latin1");
  plain[4] = 0;
  plain.writeUInt32LE(packs.length, 5);
  let at = 9;
  for (const pack of packs) {
    plain.write(pack.hash, at, "hex");
    plain.writeUInt32LE(pack.size, at + 32);
    plain.writeUInt32LE(pack.blobs.length, at + 36);
    at += 40;
    for (const b of pack.blobs) {
      plain[at] = b.type === "tree" ? 1 : 0;
      plain.write(b.id, at + 1, "hex");
      plain.writeUInt32LE(b.offset, at + 33);
      plain.writeUInt32LE(b.length, at + 37);
      plain.writeUInt32LE(b.rawLength, at + 41);
      at += BLOB;
    }
  }
  return sealSync(key, plain, AAD);
}

/** The packs listed, or null when the file is not authentic or malformed. */
export function decodeIndex(key: Uint8Array, bytes: Buffer): IndexedPack[] | null {
  const plain = openSync(key, bytes, AAD);
  if (!plain || plain.length < 9 || plain.toString("latin1", 0, 4) !== MAGIC || plain[4] !== 0) return null;
  const packs: IndexedPack[] = [];
  const count = plain.readUInt32LE(5);
  let at = 9;
  for (let p = 0; p < count; p++) {
    if (at + 40 > plain.length) return null;
    const hash = plain.toString("hex", at, at + 32);
    const size = plain.readUInt32LE(at + 32);
    const n = plain.readUInt32LE(at + 36);
    at += 40;
    if (at + n * BLOB > plain.length) return null;
    const blobs: PackBlob[] = [];
    for (let i = 0; i < n; i++, at += BLOB) {
      blobs.push({
        type: plain[at] === 1 ? "tree" : "data",
        id: plain.toString("hex", at + 1, at + 33),
        offset: plain.readUInt32LE(at + 33),
        length: plain.readUInt32LE(at + 37),
        rawLength: plain.readUInt32LE(at + 41),
      });
    }
    packs.push({ hash, size, blobs });
  }
  return at === plain.length ? packs : null;
}
