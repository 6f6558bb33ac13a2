import { checkRepository } from "./check";
import type { RepositoryContext } from "./context";
import { RepositoryError } from "./errors";
import type { IndexedPack } from "./index-format";
import { packKey } from "./object-keys";
import { planPrune } from "./prune-plan";
import { createMaintenancePacker, replaceIndexes } from "./rewrite-index";
import type { PruneOptions, PruneReport } from "./types";
import { isStoredBlobValid } from "./verify-stored-blob";

/**
 * Removes data no snapshot references. Order makes every crash point safe: (1) check, refusing a
 * damaged repository (we would otherwise drop the only copy of something, or keep a broken one);
 * (2) copy still-needed blobs out of partly used packs into new packs, verifying each; (3) write
 * new index files covering kept + new packs; (4) delete the old index files; (5) delete unused,
 * repacked and unindexed packs. Before (3) the old indexes describe everything; between (3) and
 * (4) both do; after (4) leftovers are only unindexed packs, which the next prune deletes.
 * The caller holds the exclusive lock.
 */
export async function pruneRepository(ctx: RepositoryContext, options: PruneOptions): Promise<PruneReport> {
  const progress = (phase: string, done: number, total: number) => options.onProgress?.({ phase, done, total });
  const { report, details } = await checkRepository(ctx, { readData: false, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  if (!report.ok) {
    const bad = report.problems.filter((p) => p.severity === "error");
    throw new RepositoryError("damaged", `Prune refused: check found ${bad.length} problem(s); repair the repository first.`, {
      objects: [...new Set(bad.map((p) => p.object))],
    });
  }
  const plan = planPrune(details.packs, details.used);
  const unindexed = [...details.stored.keys()].filter((h) => !details.packs.has(h));
  const sizeOf = (hash: string) => details.stored.get(hash) ?? 0;
  const result: PruneReport = {
    packsDeleted: plan.remove.length,
    packsRepacked: plan.repack.length,
    packsWritten: 0,
    blobsRemoved: plan.blobsRemoved,
    bytesFreed: [...plan.remove, ...plan.repack.map((r) => r.hash), ...unindexed].reduce((n, h) => n + sizeOf(h), 0),
    indexesRewritten: 0,
    unindexedPacksDeleted: unindexed.length,
  };
  const changed = plan.remove.length + plan.repack.length + unindexed.length > 0;
  if (options.dryRun || !changed) return result;

  const packer = createMaintenancePacker(ctx);
  try {
    for (const [i, { hash, blobs }] of plan.repack.entries()) {
      progress("repack", i, plan.repack.length);
      const key = packKey(hash);
      const bytes = await ctx.driver.read(key);
      for (const b of blobs) {
        if (!(await isStoredBlobValid(ctx, b, bytes))) {
          throw new RepositoryError("damaged", `Prune stopped: blob ${b.id} in ${key} is damaged; nothing was deleted.`, { objects: [key, `blob ${b.id}`] });
        }
        await packer.addEncoded(b.type, b.id, Buffer.from(bytes.subarray(b.offset, b.offset + b.length)), b.rawLength);
      }
    }
    await packer.flush();
    const written = packer.writtenPacks();
    result.packsWritten = written.length;
    result.bytesFreed -= written.reduce((n, p) => n + p.size, 0);

    const kept: IndexedPack[] = [...plan.keep.map((h) => details.packs.get(h)!), ...written];
    result.indexesRewritten = await replaceIndexes(ctx, packer, kept, details.indexKeys);
    const doomed = [...plan.remove, ...plan.repack.map((r) => r.hash), ...unindexed];
    for (const [i, hash] of doomed.entries()) {
      progress("delete", i, doomed.length);
      await ctx.driver.delete(packKey(hash));
    }
  } finally {
    await packer.close();
  }
  return result;
}
