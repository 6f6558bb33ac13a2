import fs from "node:fs/promises";
import type { Activity, ActivityRecord } from "../../core/activity";
import type { Repository } from "../../core/repository";
import { ClientError } from "../util/client-error";
import { describeError } from "../util/describe-error";
import { finishFailed } from "../util/finish-failed";
import { InterruptedError, throwIfInterrupted } from "../util/interrupted";
import { Semaphore } from "../util/semaphore";
import { planRestore, type PlannedEntry } from "./plan-restore";
import { restoreDirectoryMetadata } from "./restore-directory-metadata";
import { restoreFile, restoreSymlink } from "./restore-file";
import { TargetDirectories } from "./target-directories";

export interface RestoreOptions {
  /** A snapshot id, a unique prefix, or "latest". */
  snapshot: string;
  target: string;
  /** Snapshot paths to restore (with everything below them); all when empty. */
  includes?: readonly string[];
  /**
   * Files written at once (default 8: their reads share the repository's read ring, so a small
   * file's read need not wait behind a large one's; 4 measured ~10% slower, 16 no faster).
   */
  concurrency?: number;
  signal?: AbortSignal;
}

export interface RestoreResult {
  snapshotId: string;
  filesRestored: number;
  /** Files (and other entries) that could not be restored: each has an error entry. */
  failed: number;
  bytesRestored: number;
  record: ActivityRecord;
}

/**
 * Restores a snapshot below `target` under a shared lock. Entries that cannot be restored (a
 * damaged blob, a symlink in the way) are error entries and the activity ends "failed", but every
 * other entry is still restored. A hostile manifest is refused before anything is written.
 */
export async function runRestore(repo: Repository, activity: Activity, options: RestoreOptions): Promise<RestoreResult> {
  const progress = { files: 0, bytes: 0, failed: 0, filesTotal: 0, bytesTotal: 0 };
  const figures = () => ({ files: progress.files, bytesScanned: progress.bytes, bytesNew: 0, bytesStored: progress.bytes, dedupRatio: 0 });
  try {
    const lock = await repo.lock("shared");
    try {
      const snapshot = await repo.loadSnapshot(options.snapshot);
      const includes = options.includes ?? [];
      const plan = await planRestore(repo, snapshot.tree, includes, (dir, error) => {
        progress.failed += 1;
        activity.entry("error", dir, `contents not restored: ${describeError(error)}`);
      }, options.signal);
      if (includes.length > 0 && plan.entries.length === 0) {
        throw new ClientError("invalid_argument", `nothing in snapshot ${snapshot.id.slice(0, 8)} matches ${includes.join(", ")}`);
      }
      progress.filesTotal = plan.files;
      progress.bytesTotal = plan.bytes;
      await fs.mkdir(options.target, { recursive: true });
      const dirs = new TargetDirectories(await fs.realpath(options.target));
      const report = () => activity.progress({ files: progress.files, bytesScanned: progress.bytes, bytesNew: 0, filesTotal: plan.files, bytesTotal: plan.bytes, current: null });
      const fail = (entry: PlannedEntry, error: unknown) => {
        if (error instanceof InterruptedError) throw error;
        progress.failed += 1;
        activity.entry("error", entry.path, `not restored: ${describeError(error)}`);
      };
      const restoredDirs = await writeEntries(repo, dirs, plan.entries, options, progress, report, fail);
      throwIfInterrupted(options.signal);
      // Deepest first, so setting a directory's mtime is the last change inside its parent.
      for (const { entry, dir } of restoredDirs.reverse()) {
        await restoreDirectoryMetadata(dir, entry.node).catch((error: unknown) => fail(entry, error));
      }
      const status = progress.failed > 0 ? "failed" : activity.warningCount > 0 ? "warning" : "success";
      const summary = progress.failed > 0 ? `${progress.failed} entries could not be restored` : `restored ${progress.files} files from snapshot ${snapshot.id.slice(0, 8)}`;
      const record = await activity.finish(status, figures(), { snapshotId: snapshot.id, summary });
      return { snapshotId: snapshot.id, filesRestored: progress.files, failed: progress.failed, bytesRestored: progress.bytes, record };
    } finally {
      await lock.release().catch(() => undefined);
    }
  } catch (error) {
    throw await finishFailed(activity, error, figures());
  }
}

async function writeEntries(
  repo: Repository,
  dirs: TargetDirectories,
  entries: PlannedEntry[],
  options: RestoreOptions,
  progress: { files: number; bytes: number },
  report: () => void,
  fail: (entry: PlannedEntry, error: unknown) => void,
): Promise<{ entry: PlannedEntry; dir: string }[]> {
  const writers = new Semaphore(options.concurrency ?? 8);
  const jobs: Promise<void>[] = [];
  const restoredDirs: { entry: PlannedEntry; dir: string }[] = [];
  try {
    for (const entry of entries) {
      throwIfInterrupted(options.signal);
      try {
        if (entry.node.type === "dir") {
          restoredDirs.push({ entry, dir: await dirs.ensure(entry.parts) });
          continue;
        }
        const parent = await dirs.ensure(entry.parts.slice(0, -1));
        if (entry.node.type === "symlink") {
          await restoreSymlink(parent, entry.node);
          continue;
        }
        const release = await writers.acquire();
        const onBytes = (n: number) => {
          progress.bytes += n;
          report();
        };
        const job = restoreFile(repo, parent, entry.node, onBytes, options.signal)
          .then(() => {
            progress.files += 1;
            report();
          })
          .catch((error: unknown) => fail(entry, error))
          .finally(release);
        jobs.push(job);
      } catch (error) {
        fail(entry, error);
      }
    }
  } finally {
    await Promise.allSettled(jobs);
  }
  // Rethrows an interruption raised inside a job (fail() rethrows InterruptedError).
  await Promise.all(jobs);
  return restoredDirs;
}

