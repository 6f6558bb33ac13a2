import type { ActivityEntry } from "../../core/activity/activity";
import type { Database } from "../../../db/client";
import { activityEntries, type NewActivityEntry } from "../../../db/schema";
import { InvalidActivityError } from "./activity-errors";
import { toEntryRow } from "./activity-row";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Rows per INSERT. A check can log 100,000 lines; one statement for all of them would be tens of
 * megabytes, over max_allowed_packet (16 MiB by default on MariaDB, 64 MiB on MySQL 8), and one
 * huge parse. 1,000 rows per statement is already past the point of diminishing returns.
 */
export const ENTRY_BATCH_ROWS = 1_000;
/**
 * And bytes per INSERT, for batches of long messages (a TEXT holds 64 KiB). Length x 3 bounds the
 * escaped UTF-8 size of a string, so the real statement stays under this.
 */
export const ENTRY_BATCH_BYTES = 4 * 1024 * 1024;
const ROW_OVERHEAD = 64;

/** Inserts an activity's entries in bounded batches, inside the caller's transaction. */
export async function insertEntries(tx: Transaction, activityId: number, entries: readonly ActivityEntry[], fallbackAt: Date) {
  let batch: NewActivityEntry[] = [];
  let bytes = 0;
  let statements = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await tx.insert(activityEntries).values(batch);
    statements += 1;
    batch = [];
    bytes = 0;
  };
  for (const entry of entries) {
    const row = entryRow(activityId, entry, fallbackAt);
    const size = ROW_OVERHEAD + (row.message.length + (row.path?.length ?? 0)) * 3;
    if (batch.length >= ENTRY_BATCH_ROWS || (batch.length > 0 && bytes + size > ENTRY_BATCH_BYTES)) await flush();
    batch.push(row);
    bytes += size;
  }
  await flush();
  return statements;
}

/** A malformed entry fails the same way on every retry: permanent, like a malformed record. */
function entryRow(activityId: number, entry: ActivityEntry, fallbackAt: Date): NewActivityEntry {
  try {
    return toEntryRow(activityId, entry, fallbackAt);
  } catch (error) {
    throw new InvalidActivityError(`activity entry is malformed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
