import fs from "node:fs/promises";
import path from "node:path";
import type { BlobId, Tree, TreeNode } from "../../core/repository";
import { describeFsError, errnoCode } from "../util/errno";
import { throwIfInterrupted } from "../util/interrupted";
import type { BackupState } from "./backup-state";
import { lookAhead, type EntryLookahead } from "./entry-lookahead";
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
  const ahead = lookAhead(state.repo, dir, names, previousByName);
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
      const { job } = await saveEntry(state, child, name, childSelection, previousByName.get(name), ahead(i));
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
  lookups: EntryLookahead,
): Promise<{ job: Promise<TreeNode | null> }> {
  const stat = await lookups.lstat.catch((error: unknown) => {
    state.counters.skipped += 1;
    const why = errnoCode(error) === "ENOENT" ? "vanished before it could be read" : describeFsError(error);
    state.activity.entry("warning", child, `not backed up: ${why}`);
    return null;
  });
  if (!stat) return done(null);
  if (stat.isDirectory()) {
    const node = nodeFromStat(name, "dir", stat);
    const previousTree = await loadPreviousTree(state, previous, lookups.previousTree);
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

function done(node: TreeNode | null): { job: Promise<TreeNode | null> } {
  return { job: Promise.resolve(node) };
}

function countDirectory(state: BackupState, previous: TreeNode | undefined, subtree: BlobId): void {
  if (!previous || previous.type !== "dir") state.counters.dirsNew += 1;
  else if (previous.subtree === subtree) state.counters.dirsUnmodified += 1;
  else state.counters.dirsChanged += 1;
}

/** The parent snapshot's view of a directory; a damaged parent tree only costs re-reading. */
async function loadPreviousTree(state: BackupState, previous: TreeNode | undefined, loading: Promise<Tree> | null): Promise<Tree | null> {
  if (!previous || previous.type !== "dir" || !previous.subtree || !loading) return null;
  try {
    return await loading;
  } catch (error) {
    state.activity.entry("info", null, `parent snapshot tree ${previous.subtree.slice(0, 12)} unreadable, files below are read again: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
