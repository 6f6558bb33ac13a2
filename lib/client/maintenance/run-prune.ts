import type { Activity, ActivityRecord } from "../../core/activity";
import type { PruneReport, Repository } from "../../core/repository";
import { finishFailed } from "../util/finish-failed";

/**
 * Removes data no snapshot references. The repository takes the exclusive lock and refuses to
 * run on a damaged repository (it would otherwise delete the only copy of something). A first
 * SIGINT does not stop it: prune cannot stop part-way on request, and releasing its exclusive lock
 * while it still deletes would let a backup start against packs about to vanish. A second signal
 * exits at once, which is crash-safe (leftovers are unindexed packs and a dead lock).
 */
export async function runPrune(repo: Repository, activity: Activity, options: { dryRun?: boolean } = {}): Promise<{ report: PruneReport; record: ActivityRecord }> {
  const zero = { files: 0, bytesScanned: 0, bytesNew: 0, bytesStored: 0, dedupRatio: 0 };
  try {
    const report = await repo.prune({
      dryRun: options.dryRun ?? false,
      onProgress: (p) => activity.progress({ files: p.done, bytesScanned: 0, bytesNew: 0, filesTotal: p.total, bytesTotal: null, current: p.phase }),
    });
    const verb = options.dryRun ? "would free" : "freed";
    const summary = `${verb} ${report.bytesFreed} bytes: ${report.packsDeleted} packs deleted, ${report.packsRepacked} repacked, ${report.blobsRemoved} blobs removed`;
    const files = report.packsDeleted + report.packsRepacked + report.unindexedPacksDeleted;
    const record = await activity.finish("success", { ...zero, files, bytesStored: report.bytesFreed }, { summary });
    return { report, record };
  } catch (error) {
    throw await finishFailed(activity, error, zero);
  }
}
