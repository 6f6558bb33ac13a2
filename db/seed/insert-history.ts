import { like } from "drizzle-orm";
import { accountUsageSamples, activities, activityEntries, deviceUsageSamples, serverLoadSamples, snapshots, type NewActivityEntry } from "../schema";
import { insertInBatches, type SeedTransaction } from "./batch";
import type { AccountHistory } from "./history";
import type { InfrastructureIds } from "./infrastructure";
import type { ServerLoadSamplePlan, UsagePlan } from "./samples";
import type { TenantIds } from "./tenants";

export const idempotencyPrefix = "seed-";

/** Deterministic per activity: the account's id and the activity's place in its history. */
export function seedIdempotencyKey(accountId: number, sequence: number): string {
  return `${idempotencyPrefix}${accountId}-${sequence}`;
}

/** Activities in time order (so ids grow with time, as in a live system), then their entries and snapshots. */
export async function insertHistory(tx: SeedTransaction, histories: AccountHistory[], tenants: TenantIds, infrastructure: InfrastructureIds): Promise<{ activities: number; entries: number; snapshots: number }> {
  const keyed = histories
    .flatMap((h) => h.activities)
    .map((activity) => {
      const accountId = tenants.accountIds[activity.accountIndex] as number;
      return { activity, accountId, key: seedIdempotencyKey(accountId, activity.sequence) };
    })
    .sort((a, b) => a.activity.startedAt - b.activity.startedAt || (a.key < b.key ? -1 : 1));

  await insertInBatches(
    tx,
    activities,
    keyed.map(({ activity: a, accountId, key }) => ({
      accountId,
      resellerId: tenants.resellerIds[histories[a.accountIndex]?.account.resellerIndex ?? 0] as number,
      serverId: infrastructure.serverIds[a.serverIndex] ?? null,
      kind: a.kind,
      status: a.status,
      startedAt: new Date(a.startedAt),
      endedAt: new Date(a.endedAt),
      filesCount: a.filesCount,
      bytesScanned: a.bytesScanned,
      bytesNew: a.bytesNew,
      bytesStored: a.bytesStored,
      errorCount: a.errorCount,
      warningCount: a.warningCount,
      clientHost: a.clientHost,
      clientVersion: a.clientVersion,
      snapshotId: a.snapshotId,
      summary: a.summary.slice(0, 500),
      idempotencyKey: key,
    })),
  );

  const rows = await tx
    .select({ id: activities.id, key: activities.idempotencyKey })
    .from(activities)
    .where(like(activities.idempotencyKey, `${idempotencyPrefix}%`));
  const idByKey = new Map(rows.map((r) => [r.key, r.id]));
  const activityId = (key: string): number => {
    const id = idByKey.get(key);
    if (id === undefined) throw new Error(`seeded activity ${key} was not found after insert`);
    return id;
  };

  const entries: NewActivityEntry[] = [];
  const snapshotRows: (typeof snapshots.$inferInsert)[] = [];
  for (const { activity, accountId, key } of keyed) {
    const id = activityId(key);
    for (const entry of activity.entries) {
      entries.push({ activityId: id, level: entry.level, at: new Date(entry.at), path: entry.path, message: entry.message });
    }
    const snapshot = activity.snapshot;
    if (snapshot) {
      snapshotRows.push({
        accountId,
        snapshotId: snapshot.snapshotId,
        takenAt: new Date(snapshot.takenAt),
        host: snapshot.host,
        paths: snapshot.paths,
        filesCount: snapshot.filesCount,
        bytesTotal: snapshot.bytesTotal,
        bytesAdded: snapshot.bytesAdded,
        activityId: id,
      });
    }
  }
  await insertInBatches(tx, activityEntries, entries);
  await insertInBatches(tx, snapshots, snapshotRows);
  return { activities: keyed.length, entries: entries.length, snapshots: snapshotRows.length };
}

export async function insertSamples(tx: SeedTransaction, usage: UsagePlan, load: ServerLoadSamplePlan[], tenants: TenantIds, infrastructure: InfrastructureIds): Promise<void> {
  await insertInBatches(
    tx,
    serverLoadSamples,
    load.map((s) => ({
      serverId: infrastructure.serverIds[s.serverIndex] as number,
      at: new Date(s.at),
      cpuPercent: s.cpuPercent,
      memoryBytes: s.memoryBytes,
      sessions: s.sessions,
      bytesIn: s.bytesIn,
      bytesOut: s.bytesOut,
    })),
  );
  await insertInBatches(
    tx,
    deviceUsageSamples,
    usage.deviceSamples.map((s) => ({ deviceId: infrastructure.deviceIds[s.deviceIndex] as number, at: new Date(s.at), usedBytes: s.usedBytes, capacityBytes: s.capacityBytes })),
  );
  await insertInBatches(
    tx,
    accountUsageSamples,
    usage.accountSamples.map((s) => ({ accountId: tenants.accountIds[s.accountIndex] as number, at: new Date(s.at), usedBytes: s.usedBytes })),
  );
}
