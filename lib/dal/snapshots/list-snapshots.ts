import "server-only";
import { and, asc, desc, eq, gt, lt, or, type SQL } from "drizzle-orm";
import { backupAccounts, snapshots } from "../../../db/schema";
import type { DalContext } from "../context";
import { accountScope } from "../scope";
import { encodeTimeKey, type TimeKey } from "../time-key";

export const SNAPSHOT_PAGE_SIZE = 50;

export interface SnapshotCursor {
  after?: TimeKey;
  before?: TimeKey;
  limit?: number;
}

function beyond(key: TimeKey, descending: boolean): SQL | undefined {
  const cmp = descending ? lt : gt;
  return or(cmp(snapshots.takenAt, key.at), and(eq(snapshots.takenAt, key.at), cmp(snapshots.id, key.id)));
}

/**
 * A page of an account's snapshots, newest first, keyset on (taken_at, id) along
 * snapshots_account_taken_idx. The tenant scope is in the query: another tenant's account has none.
 */
export async function listSnapshots({ db, actor }: DalContext, accountId: number, cursor: SnapshotCursor = {}) {
  const limit = Math.min(Math.max(cursor.limit ?? SNAPSHOT_PAGE_SIZE, 1), 200);
  const backwards = cursor.before !== undefined;
  const key = cursor.before ?? cursor.after;
  const direction = backwards ? asc : desc;
  const fetched = await db
    .select({
      id: snapshots.id,
      snapshotId: snapshots.snapshotId,
      takenAt: snapshots.takenAt,
      host: snapshots.host,
      paths: snapshots.paths,
      filesCount: snapshots.filesCount,
      bytesTotal: snapshots.bytesTotal,
      bytesAdded: snapshots.bytesAdded,
      activityId: snapshots.activityId,
    })
    .from(snapshots)
    .innerJoin(backupAccounts, eq(backupAccounts.id, snapshots.accountId))
    .where(and(eq(snapshots.accountId, accountId), accountScope(actor), key ? beyond(key, !backwards) : undefined))
    .orderBy(direction(snapshots.takenAt), direction(snapshots.id))
    .limit(limit + 1);
  const more = fetched.length > limit;
  // Back at the start: a whole first page rather than the few rows before the key.
  if (backwards && !more) return listSnapshots({ db, actor }, accountId, { limit });
  const rows = fetched.slice(0, limit);
  if (backwards) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    previous: first && (backwards || cursor.after) ? encodeTimeKey({ at: first.takenAt, id: first.id }) : null,
    next: last && (backwards || more) ? encodeTimeKey({ at: last.takenAt, id: last.id }) : null,
  };
}

export type SnapshotRow = Awaited<ReturnType<typeof listSnapshots>>["rows"][number];
