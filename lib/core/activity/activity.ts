/**
 * An activity is one backup, restore, check or prune run of one repository, as the support desk
 * reads it later: when it ran, how it ended, its figures and its log lines. The shape mirrors the
 * `activities` / `activity_entries` tables (db/schema/activities.ts) so the daemon can store a
 * record without translation, but it is declared here because lib/core may not import db/.
 */
export const activityKinds = ["backup", "restore", "check", "prune", "repair"] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** How a run ended. "running" exists only in the database, for rows of runs still in progress. */
export const activityStatuses = ["success", "warning", "failed", "interrupted"] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

export const entryLevels = ["info", "warning", "error"] as const;
export type EntryLevel = (typeof entryLevels)[number];

export interface ActivityFigures {
  /** Files the run looked at (backed up, restored, checked objects for check/prune). */
  files: number;
  /** Bytes of file content the run read or restored. */
  bytesScanned: number;
  /** Content bytes the repository did not hold yet (before compression). */
  bytesNew: number;
  /** Bytes actually written to (or, for prune, freed on) the storage device. */
  bytesStored: number;
  /** Share of scanned bytes the repository already held, 0..1 (0 when nothing was scanned). */
  dedupRatio: number;
  durationMs: number;
}

export interface ActivityEntry {
  level: EntryLevel;
  /** ISO 8601 time of the event. */
  at: string;
  /** The file or object the line is about, when there is one. */
  path: string | null;
  message: string;
}

/** What is known when a run starts. `id` doubles as the idempotency key of the daemon's outbox. */
export interface ActivityHeader {
  id: string;
  kind: ActivityKind;
  startedAt: string;
  host: string | null;
  clientVersion: string | null;
}

export interface ActivityRecord extends ActivityHeader {
  status: ActivityStatus;
  endedAt: string;
  figures: ActivityFigures;
  snapshotId: string | null;
  /** One line for lists: the first error, or why the run ended as it did. */
  summary: string | null;
  warningCount: number;
  errorCount: number;
  entries: ActivityEntry[];
}

export function emptyFigures(): ActivityFigures {
  return { files: 0, bytesScanned: 0, bytesNew: 0, bytesStored: 0, dedupRatio: 0, durationMs: 0 };
}
