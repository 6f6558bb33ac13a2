import { createHash } from "node:crypto";
import { decodeBlob } from "./blob-codec";
import type { ProblemList } from "./check-report";
import { computeBlobId, type RepositoryContext } from "./context";
import type { IndexedPack } from "./index-format";
import { packKey, parseObjectKey } from "./object-keys";
import { decodePackHeader, TRAILER_BYTES, type PackBlob } from "./pack-format";
import { BOX_OVERHEAD } from "./crypto-box";

/** Pack hash -> the pack as an index lists it (first index wins; duplicates are harmless). */
export type PackTable = Map<string, IndexedPack>;

/** Data keys present in storage with their sizes (a stat per pack; batched where the driver can). */
export async function listStoredPacks(ctx: RepositoryContext): Promise<Map<string, number>> {
  const packs: { key: string; hash: string }[] = [];
  for await (const key of ctx.driver.list("data/")) {
    const parsed = parseObjectKey(key);
    if (parsed?.kind === "pack" && parsed.hash) packs.push({ key, hash: parsed.hash });
  }
  const keys = packs.map((p) => p.key);
  const stats = ctx.driver.statMany ? await ctx.driver.statMany(keys) : await sequentialStats(ctx, keys);
  const stored = new Map<string, number>();
  packs.forEach((p, i) => {
    const stat = stats[i];
    if (stat) stored.set(p.hash, stat.size);
  });
  return stored;
}

async function sequentialStats(ctx: RepositoryContext, keys: string[]) {
  const stats = [];
  for (const key of keys) stats.push(await ctx.driver.stat(key));
  return stats;
}

const sameBlobs = (a: PackBlob[], b: PackBlob[]) =>
  a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.offset === b[i]!.offset && x.length === b[i]!.length && x.type === b[i]!.type);

/**
 * Structure without the data: every indexed pack exists with the indexed size, its entries lie
 * inside it, and its header (a small tail read) lists exactly the indexed blobs. Unindexed packs
 * are warnings. With readData: every pack is re-hashed and every blob decrypted and re-hashed.
 */
export async function checkPacks(
  ctx: RepositoryContext,
  packs: PackTable,
  stored: Map<string, number>,
  problems: ProblemList,
  readData: boolean,
  progress: (done: number, total: number) => void,
): Promise<{ bytesRead: number }> {
  let bytesRead = 0;
  let done = 0;
  for (const [hash, size] of stored) {
    if (!packs.has(hash)) problems.add("pack_unindexed", packKey(hash), `Pack of ${size} bytes is in no index (left by an interrupted backup?).`);
  }
  for (const [hash, pack] of packs) {
    progress(done++, packs.size);
    const key = packKey(hash);
    const size = stored.get(hash);
    if (size === undefined) {
      problems.add("pack_missing", key, `Pack is listed in an index but missing (${pack.blobs.length} blobs).`);
      continue;
    }
    if (size !== pack.size) {
      problems.add("pack_size_mismatch", key, `Pack has ${size} bytes, the index says ${pack.size} (truncated or replaced).`);
      continue;
    }
    const headerBytes = 4 + 41 * pack.blobs.length + BOX_OVERHEAD + TRAILER_BYTES;
    const outside = pack.blobs.find((b) => b.offset + b.length > size - headerBytes);
    if (outside) {
      problems.add("index_out_of_range", key, `Index entry for blob ${outside.id} lies outside the pack.`, outside.id);
      continue;
    }
    const bytes = readData
      ? await ctx.driver.read(key).catch(() => null)
      : await ctx.driver.readRange(key, size - headerBytes, headerBytes).catch(() => null);
    if (!bytes) {
      problems.add("pack_missing", key, "Pack could not be read.");
      continue;
    }
    bytesRead += bytes.length;
    const header = decodePackHeader(ctx.master.encryptionKey, bytes.subarray(bytes.length - headerBytes), size);
    if (readData && createHash("sha256").update(bytes).digest("hex") !== hash) {
      problems.add("pack_hash_mismatch", key, "Pack bytes do not hash to its name (altered on storage).");
    }
    if (typeof header === "string" || !sameBlobs(header, pack.blobs)) {
      problems.add("pack_header_damaged", key, typeof header === "string" ? `Pack ${header}.` : "Pack header does not list the indexed blobs.");
      if (!readData) continue;
    }
    if (readData) await checkBlobs(ctx, key, pack.blobs, bytes, problems);
  }
  progress(done, packs.size);
  return { bytesRead };
}

async function checkBlobs(ctx: RepositoryContext, key: string, blobs: PackBlob[], bytes: Buffer, problems: ProblemList): Promise<void> {
  for (const b of blobs) {
    const plain = await decodeBlob(ctx.boxKey, b.type, b.id, bytes.subarray(b.offset, b.offset + b.length));
    if (typeof plain === "string") problems.add("blob_damaged", key, `Blob ${b.id} ${plain}.`, b.id);
    else if (plain.length !== b.rawLength || computeBlobId(ctx.master.idKey, plain) !== b.id) {
      problems.add("blob_damaged", key, `Blob ${b.id} does not match its id.`, b.id);
    }
  }
}
