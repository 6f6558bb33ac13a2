import type { Activity, ActivityRecord } from "../../core/activity";
import type { CheckReport, Repository } from "../../core/repository";
import { finishFailed } from "../util/finish-failed";
import { raceSignal } from "../util/race-signal";

export interface CheckRunOptions {
  readData: boolean;
  signal?: AbortSignal;
  onPhase?: (progress: { phase: string; done: number; total: number }) => void;
}

/**
 * Runs the repository check under a shared lock (writers may continue; prune may not start) and
 * turns every problem into an activity entry naming the object, so the log lists exactly what
 * is broken. Errors end "failed", only warnings (unindexed packs) end "warning".
 */
export async function runCheck(repo: Repository, activity: Activity, options: CheckRunOptions): Promise<{ report: CheckReport; record: ActivityRecord }> {
  let bytesRead = 0;
  let packs = 0;
  const figures = () => ({ files: packs, bytesScanned: bytesRead, bytesNew: 0, bytesStored: 0, dedupRatio: 0 });
  try {
    const lock = await repo.lock("shared");
    try {
      const report = await raceSignal(repo.check({
        readData: options.readData,
        onProgress: (p) => {
          options.onPhase?.(p);
          activity.progress({ files: p.done, bytesScanned: 0, bytesNew: 0, filesTotal: p.total, bytesTotal: null, current: p.phase });
        },
      }), options.signal);
      bytesRead = report.bytesRead;
      packs = report.packs;
      for (const problem of report.problems) {
        activity.entry(problem.severity, problem.object, `${problem.kind}: ${problem.message}`);
      }
      const errors = report.problems.filter((p) => p.severity === "error").length;
      const status = errors > 0 ? "failed" : report.problems.length > 0 ? "warning" : "success";
      const summary =
        errors > 0
          ? `${errors} damaged objects, first: ${report.problems[0]?.object ?? "?"}`
          : `no errors in ${report.snapshots} snapshots, ${report.packs} packs${options.readData ? ", all data read" : ""}`;
      const record = await activity.finish(status, figures(), { summary });
      return { report, record };
    } finally {
      await lock.release().catch(() => undefined);
    }
  } catch (error) {
    throw await finishFailed(activity, error, figures());
  }
}
