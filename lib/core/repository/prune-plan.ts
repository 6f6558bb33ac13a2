import type { PackTable } from "./check-packs";
import type { PackBlob } from "./pack-format";

export interface PrunePlan {
  /** Packs whose every blob is still needed here. */
  keep: string[];
  /** Packs holding some needed blobs: those are copied into new packs, then the pack goes. */
  repack: { hash: string; blobs: PackBlob[] }[];
  /** Packs holding nothing needed. */
  remove: string[];
  blobsRemoved: number;
}

/**
 * Decides per pack. A blob is needed in exactly one place: the first pack (in index order) that
 * holds it, preferring a pack that is otherwise fully kept; other copies are duplicates to drop.
 */
export function planPrune(packs: PackTable, used: Set<string>): PrunePlan {
  const home = new Map<string, string>();
  // First pass: a blob's home is the first pack holding it whose blobs are all used.
  const allUsed = (blobs: PackBlob[]) => blobs.every((b) => used.has(b.id));
  for (const [hash, pack] of packs) if (allUsed(pack.blobs)) for (const b of pack.blobs) if (!home.has(b.id)) home.set(b.id, hash);
  for (const [hash, pack] of packs) for (const b of pack.blobs) if (used.has(b.id) && !home.has(b.id)) home.set(b.id, hash);
  const plan: PrunePlan = { keep: [], repack: [], remove: [], blobsRemoved: 0 };
  for (const [hash, pack] of packs) {
    const needed = pack.blobs.filter((b) => home.get(b.id) === hash);
    plan.blobsRemoved += pack.blobs.length - needed.length;
    if (needed.length === pack.blobs.length) plan.keep.push(hash);
    else if (needed.length === 0) plan.remove.push(hash);
    else plan.repack.push({ hash, blobs: needed });
  }
  return plan;
}
