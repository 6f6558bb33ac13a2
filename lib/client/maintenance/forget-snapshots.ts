import { selectSnapshotsToKeep, type ForgetDecision, type ForgetPolicy, type Repository, type SnapshotEntry } from "../../core/repository";

export interface ForgetGroup {
  hostname: string;
  paths: string[];
  decision: ForgetDecision;
}

/**
 * Applies a keep policy per (host, paths) group, as restic does, so one machine's daily backups
 * never push another's out, and deletes the snapshot files of the rest under the exclusive lock.
 * Data is freed only by a later prune.
 */
export async function forgetSnapshots(repo: Repository, policy: ForgetPolicy, options: { dryRun?: boolean; now?: number } = {}): Promise<ForgetGroup[]> {
  const lock = options.dryRun ? null : await repo.lock("exclusive");
  try {
    const groups = groupSnapshots(await repo.listSnapshots());
    const now = options.now ?? Date.now();
    const result = groups.map((g) => ({ ...g, decision: selectSnapshotsToKeep(g.snapshots, policy, now) }));
    if (!options.dryRun) {
      for (const group of result) for (const s of group.decision.remove) await repo.deleteSnapshot(s.id);
    }
    return result.map(({ hostname, paths, decision }) => ({ hostname, paths, decision }));
  } finally {
    await lock?.release().catch(() => undefined);
  }
}

function groupSnapshots(snapshots: SnapshotEntry[]): { hostname: string; paths: string[]; snapshots: SnapshotEntry[] }[] {
  const groups = new Map<string, { hostname: string; paths: string[]; snapshots: SnapshotEntry[] }>();
  for (const s of snapshots) {
    const paths = [...s.paths].sort();
    const key = JSON.stringify([s.hostname, paths]);
    const group = groups.get(key) ?? { hostname: s.hostname, paths, snapshots: [] };
    group.snapshots.push(s);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function isEmptyPolicy(policy: ForgetPolicy): boolean {
  return Object.values(policy).every((v) => v === undefined);
}
