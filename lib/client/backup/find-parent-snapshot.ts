import type { Repository, SnapshotEntry } from "../../core/repository";

/**
 * The snapshot an incremental backup compares against, as restic chooses it: an explicit one, or
 * the newest snapshot of this host with exactly the same source paths.
 */
export async function findParentSnapshot(repo: Repository, hostname: string, paths: readonly string[], explicit: string | undefined): Promise<SnapshotEntry | null> {
  if (explicit !== undefined) return repo.loadSnapshot(explicit);
  const wanted = [...paths].sort().join("\0");
  const candidates = (await repo.listSnapshots()).filter((s) => s.hostname === hostname && [...s.paths].sort().join("\0") === wanted);
  return candidates.at(-1) ?? null;
}
