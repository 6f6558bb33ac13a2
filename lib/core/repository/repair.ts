import { createHash } from "node:crypto";
import { checkRepository } from "./check";
import type { RepositoryContext } from "./context";
import type { IndexedPack } from "./index-format";
import { packKey, parseObjectKey, snapshotKey } from "./object-keys";
import { decodePackHeader } from "./pack-format";
import { createMaintenancePacker, replaceIndexes } from "./rewrite-index";
import type { CheckProblemKind, RepairOptions, RepairReport } from "./types";
import { isStoredBlobValid } from "./verify-stored-blob";

const PACK_DAMAGE = new Set<CheckProblemKind>([
  "pack_missing", "pack_size_mismatch", "pack_hash_mismatch", "pack_header_damaged", "index_out_of_range", "blob_damaged", "tree_damaged",
]);

/**
 * Makes a damaged repository consistent again, losing only what is already lost: every blob of a
 * damaged pack that still verifies is copied to a new pack; the rest are dropped from the index
 * (so the next backup uploads them again, which also heals older snapshots that share them);
 * unindexed packs that verify (an interrupted backup's) are indexed again; unreadable snapshot
 * files are deleted. Same crash-safe order as prune: new packs, new index, then deletions.
 * The caller holds the exclusive lock.
 */
export async function repairRepository(ctx: RepositoryContext, options: RepairOptions): Promise<RepairReport> {
  const { report, details } = await checkRepository(ctx, { readData: options.readData ?? true });
  const badPacks = new Set<string>();
  const badSnapshots = new Set<string>();
  for (const p of report.problems) {
    const parsed = parseObjectKey(p.object);
    if (PACK_DAMAGE.has(p.kind) && parsed?.kind === "pack" && parsed.hash && details.packs.has(parsed.hash)) badPacks.add(parsed.hash);
    if (p.kind === "snapshot_damaged" && parsed?.kind === "snapshot" && parsed.hash) badSnapshots.add(parsed.hash);
  }
  const result: RepairReport = { packsDropped: [], blobsSalvaged: 0, blobsLost: [], packsReindexed: 0, snapshotsRemoved: [], indexesRewritten: 0 };
  const kept: IndexedPack[] = [...details.packs.values()].filter((p) => !badPacks.has(p.hash));
  for (const [hash] of details.stored) {
    if (details.packs.has(hash)) continue;
    const pack = await readVerifiedPack(ctx, hash);
    if (pack) {
      kept.push(pack);
      result.packsReindexed++;
    }
  }
  const packer = createMaintenancePacker(ctx);
  try {
    for (const hash of badPacks) {
      const pack = details.packs.get(hash)!;
      result.packsDropped.push(packKey(hash));
      const bytes = await ctx.driver.read(packKey(hash)).catch(() => null);
      for (const blob of pack.blobs) {
        if (bytes && (await isStoredBlobValid(ctx, blob, bytes))) {
          if (!options.dryRun) await packer.addEncoded(blob.type, blob.id, Buffer.from(bytes.subarray(blob.offset, blob.offset + blob.length)), blob.rawLength);
          result.blobsSalvaged++;
        } else {
          result.blobsLost.push(blob.id);
        }
      }
    }
    result.snapshotsRemoved = [...badSnapshots].map(snapshotKey);
    if (options.dryRun) return result;
    await packer.flush();
    kept.push(...packer.writtenPacks());
    result.indexesRewritten = await replaceIndexes(ctx, packer, kept, details.indexKeys);
    for (const hash of badPacks) await ctx.driver.delete(packKey(hash));
    for (const key of result.snapshotsRemoved) await ctx.driver.delete(key);
  } finally {
    await packer.close();
  }
  return result;
}

/** An unindexed pack whose bytes hash to its name and whose header decrypts, as an index entry. */
async function readVerifiedPack(ctx: RepositoryContext, hash: string): Promise<IndexedPack | null> {
  const bytes = await ctx.driver.read(packKey(hash)).catch(() => null);
  if (!bytes || createHash("sha256").update(bytes).digest("hex") !== hash) return null;
  const blobs = decodePackHeader(ctx.master.encryptionKey, bytes, bytes.length);
  return typeof blobs === "string" ? null : { hash, size: bytes.length, blobs };
}
