import type { BigIntStats } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { BlobId, Tree, TreeNode } from "../../core/repository";
import { describeFsError, errnoCode } from "../util/errno";
import { throwIfInterrupted } from "../util/interrupted";
import type { BackupState } from "./backup-state";
import { compareNames, nodeFromStat } from "./node-from-stat";
import { saveFile } from "./save-file";
import type { Selection } from "./source-selection";

/**
 * Saves one directory's entries and returns its tree id, or null when it could not be listed.
 * Subdirectories are walked depth-first on this call; files go to the bounded reader pool and the
 * walk waits for a free reader before it moves on, so at most `readers` files are open and the
 * number of queued jobs stays small however large the tree is.
 */
export async function saveDirectory(state: BackupState, dir: string, selection: Selection, previous: Tree | null): Promise<BlobId | null> {
  let names: string[];
  if (selection.kind === "only") {
    names = [...selection.children.keys()];
  } else {
    try {
      names = await fs.readdir(dir);
    } catch (error) {
      state.counters.skipped += 1;
      state.activity.entry("warning", dir, `directory not backed up: ${describeFsError(error)}`);
      return null;
    }
  }
  names.sort(compareNames);
  const previousByName = new Map((previous?.nodes ?? []).map((n) => [n.name, n]));
  const jobs: Promise<TreeNode | null>[] = [];
  const stats = lstatAhead(dir, names);
  try {
    for (const [i, name] of names.entries()) {
      throwIfInterrupted(state.signal);
      // A file job hit a fatal error (a full device): stop walking instead of reading on.
      if (state.failure !== null) throw state.failure;
      const child = path.join(dir, name);
      const childSelection = selection.kind === "all" ? selection : (selection.children.get(name) ?? { kind: "all" as const });
      // Excludes apply to what is found, never to the directories leading to a source path.
      if (childSelection.kind === "all" && state.excluded(child)) {
        state.counters.excluded += 1;
        continue;
      }
      const { job } = await saveEntry(state, child, name, childSelection, previousByName.get(name), stats(i));
      jobs.push(job);
    }
  } finally {
    // Settle every started job before leaving, even on error, so no read outlives the run.
    await Promise.allSettled(jobs);
  }
  const nodes = (await Promise.all(jobs)).filter((n): n is TreeNode => n !== null);
  return state.repo.saveTree({ nodes });
}

/**
 * Starts the work for one entry; resolves once it is queued (files) or done (directories). The
 * job is wrapped in an object because awaiting a promise of a promise would wait for the file.
 */
async function saveEntry(
  state: BackupState,
  child: string,
  name: string,
  selection: Selection,
  previous: TreeNode | undefined,
  lstat: Promise<BigIntStats>,
): Promise<{ job: Promise<TreeNode | null> }> {
  const stat = await lstat.catch((error: unknown) => {
    state.counters.skipped += 1;
    const why = errnoCode(error) === "ENOENT" ? "vanished before it could be read" : describeFsError(error);
    state.activity.entry("warning", child, `not backed up: ${why}`);
    return null;
  });
  if (!stat) return done(null);
  if (stat.isDirectory()) {
    const node = nodeFromStat(name, "dir", stat);
    const previousTree = await loadPreviousTree(state, previous);
    const subtree = await saveDirectory(state, child, selection, previousTree);
    if (subtree === null) return done(null);
    countDirectory(state, previous, subtree);
    return done({ ...node, subtree });
  }
  if (stat.isSymbolicLink()) {
    try {
      const linkTarget = await fs.readlink(child);
      return done({ ...nodeFromStat(name, "symlink", stat), linkTarget });
    } catch (error) {
      state.counters.skipped += 1;
      state.activity.entry("warning", child, `not backed up: ${describeFsError(error)}`);
      return done(null);
    }
  }
  if (stat.isFile()) {
    const release = await state.readers.acquire();
    const job = saveFile(state, child, nodeFromStat(name, "file", stat), previous).finally(release);
    // Observed here so a failure does not count as unhandled before the directory awaits it,
    // and remembered so the walk stops early.
    job.catch((error: unknown) => {
      state.failure ??= error;
    });
    return { job };
  }
  // Sockets, FIFOs and devices are not data: noted, but not counted as unreadable.
  state.activity.entry("info", child, "skipped: not a regular file, directory or symbolic link");
  return done(null);
}

/** lstat calls in flight ahead of the walk, within one directory. */
const LSTAT_AHEAD = 16;

/**
 * The lstat of entry i, with the next LSTAT_AHEAD entries' already started: one at a time, each
 * waited for a round trip through the libuv pool (and, with a cold cache, a disk read), which was
 * most of an incremental backup's walk. Entries the walk skips (excluded) are still stat-ed: an
 * lstat is cheap, and errors are only reported for entries the walk asks for.
 */
function lstatAhead(dir: string, names: readonly string[]): (i: number) => Promise<BigIntStats> {
  const started: Promise<BigIntStats>[] = [];
  const start = (i: number) => {
    const p = fs.lstat(path.join(dir, names[i]!), { bigint: true });
    p.catch(() => undefined); // Observed by the walk when it reaches the entry.
    started[i] = p;
  };
  return (i) => {
    for (let j = started.length; j < Math.min(names.length, i + 1 + LSTAT_AHEAD); j++) start(j);
    return started[i]!;
  };
}

function done(node: TreeNode | null): { job: Promise<TreeNode | null> } {
  return { job: Promise.resolve(node) };
}

function countDirectory(state: BackupState, previous: TreeNode | undefined, subtree: BlobId): void {
  if (!previous || previous.type !== "dir") state.counters.dirsNew += 1;
  else if (previous.subtree === subtree) state.counters.dirsUnmodified += 1;
  else state.counters.dirsChanged += 1;
}

/** The parent snapshot's view of a directory; a damaged parent tree only costs re-reading. */
async function loadPreviousTree(state: BackupState, previous: TreeNode | undefined): Promise<Tree | null> {
  if (!previous || previous.type !== "dir" || !previous.subtree) return null;
  try {
    return await state.repo.loadTree(previous.subtree);
  } catch (error) {
    state.activity.entry("info", null, `parent snapshot tree ${previous.subtree.slice(0, 12)} unreadable, files below are read again: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
