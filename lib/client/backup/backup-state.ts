import type { Activity } from "../../core/activity";
import type { Repository } from "../../core/repository";
import type { Semaphore } from "../util/semaphore";
import type { ExcludeMatcher } from "./exclude-patterns";

/** Counters of one backup run; `filesRead` is what the incremental tests assert on. */
export interface BackupCounters {
  filesNew: number;
  filesChanged: number;
  filesUnmodified: number;
  /** Files whose content was actually read (new, changed, or unchanged but distrusted). */
  filesRead: number;
  dirsNew: number;
  dirsChanged: number;
  dirsUnmodified: number;
  /** Excluded entries (not descended into). */
  excluded: number;
  /** Entries that could not be read and are missing from the snapshot. */
  skipped: number;
  /** Size of every file in the snapshot. */
  bytesScanned: number;
  /** Bytes actually read from disk. */
  bytesRead: number;
  /** Plaintext bytes of data blobs the repository did not have. */
  bytesNew: number;
}

/** Everything the walker and the file saver share during one run. */
export interface BackupState {
  repo: Repository;
  activity: Activity;
  excluded: ExcludeMatcher;
  readers: Semaphore;
  /** Of those, the files larger than one read (save-file.ts): each fills a 3 MiB work buffer. */
  largeReaders: Semaphore;
  /** Read every file even when its metadata says it is unchanged. */
  force: boolean;
  signal: AbortSignal | undefined;
  counters: BackupCounters;
  /** The file being read, for the progress line. */
  current: string | null;
  /** The first fatal error of a file job; the walker stops at the next entry. */
  failure: unknown;
}

export function emptyCounters(): BackupCounters {
  return {
    filesNew: 0,
    filesChanged: 0,
    filesUnmodified: 0,
    filesRead: 0,
    dirsNew: 0,
    dirsChanged: 0,
    dirsUnmodified: 0,
    excluded: 0,
    skipped: 0,
    bytesScanned: 0,
    bytesRead: 0,
    bytesNew: 0,
  };
}

export function reportProgress(state: BackupState): void {
  const c = state.counters;
  state.activity.progress({
    files: c.filesNew + c.filesChanged + c.filesUnmodified,
    bytesScanned: c.bytesScanned,
    bytesNew: c.bytesNew,
    filesTotal: null,
    bytesTotal: null,
    current: state.current,
  });
}
