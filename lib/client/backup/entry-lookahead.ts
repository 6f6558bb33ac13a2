import type { BigIntStats } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Repository, Tree, TreeNode } from "../../core/repository";

/** Entries of one directory whose lstat (and parent tree) are requested ahead of the walk. */
const AHEAD = 16;

export interface EntryLookahead {
  lstat: Promise<BigIntStats>;
  /** The parent snapshot's tree of this name, when it was a directory there. */
  previousTree: Promise<Tree> | null;
}

/**
 * The lookups of entry i, with those of the next AHEAD entries already started. One at a time,
 * each lstat and each parent tree load waited for a round trip through the libuv pool (and, with
 * a cold cache, a disk read): most of an incremental backup's walk. Entries the walk then skips
 * (excluded) cost one lstat; failures are only reported for entries the walk asks for.
 */
export function lookAhead(repo: Repository, dir: string, names: readonly string[], previousByName: ReadonlyMap<string, TreeNode>): (i: number) => EntryLookahead {
  const started: EntryLookahead[] = [];
  const start = (i: number) => {
    const name = names[i]!;
    const lstat = fs.lstat(path.join(dir, name), { bigint: true });
    const previous = previousByName.get(name);
    const previousTree = previous?.type === "dir" && previous.subtree ? repo.loadTree(previous.subtree) : null;
    // Observed by the walk when it reaches the entry; a walk that stops early leaves them quiet.
    lstat.catch(() => undefined);
    previousTree?.catch(() => undefined);
    started[i] = { lstat, previousTree };
  };
  return (i) => {
    for (let j = started.length; j < Math.min(names.length, i + 1 + AHEAD); j++) start(j);
    return started[i]!;
  };
}
