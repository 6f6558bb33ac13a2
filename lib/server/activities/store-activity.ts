import { eq } from "drizzle-orm";
import type { ActivityRecord } from "../../core/activity/activity";
import type { Database } from "../../../db/client";
import { activities, backupAccounts, backupServers } from "../../../db/schema";
import { PermanentDeliveryError } from "../../core/outbox/permanent-error";
import { databaseErrorCode, describeStoreError, IdempotencyConflictError, InvalidActivityError, UnknownAccountError } from "./activity-errors";
import { toActivityColumns, type ActivityColumns } from "./activity-row";
import { insertEntries } from "./insert-entries";

export interface StoreActivityInput {
  accountId: number;
  serverId?: number | null;
  record: ActivityRecord;
}

export interface StoreActivityResult {
  activityId: number;
  /** False when this record was already stored: a redelivery, which changes nothing. */
  created: boolean;
}

/**
 * Stores one activity and all its entries in one transaction, exactly once per record id (the
 * idempotency key, unique in the table). Safe to call again with the same record at any time:
 * after a crash between commit and the outbox's acknowledge, or from two workers at once. The
 * one that loses the race gets ER_DUP_ENTRY, which is answered by checking that the row stored
 * is this same run. Throws a PermanentDeliveryError for what no retry can fix (unknown account,
 * an id reused by another run, invalid times); anything else is worth retrying.
 */
export async function storeActivity(db: Database, input: StoreActivityInput): Promise<StoreActivityResult> {
  const columns = toColumns(input.record);
  try {
    const existing = await findStored(db, columns.idempotencyKey);
    if (existing) return sameRun(existing, input.accountId, columns);
    return await db.transaction((tx) => insertActivity(tx, input, columns));
  } catch (error) {
    if (databaseErrorCode(error) !== "ER_DUP_ENTRY") throw describeStoreError(input.record.id, error);
    // Read after our transaction rolled back: inside it, the snapshot could not see the winner.
    const winner = await findStored(db, columns.idempotencyKey).catch((e: unknown) => {
      throw describeStoreError(input.record.id, e);
    });
    if (!winner) throw describeStoreError(input.record.id, error);
    return sameRun(winner, input.accountId, columns);
  }
}

/**
 * Mapping is pure, so whatever it throws (a field missing from a hand-edited or older outbox
 * file) will be thrown again on every retry: permanent, or it would block the queue forever.
 */
function toColumns(record: ActivityRecord): ActivityColumns {
  try {
    return toActivityColumns(record);
  } catch (error) {
    if (error instanceof PermanentDeliveryError) throw error;
    throw new InvalidActivityError(`activity record is malformed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Stored = { id: number; accountId: number; kind: string; startedAt: Date };

async function insertActivity(tx: Transaction, input: StoreActivityInput, columns: ActivityColumns): Promise<StoreActivityResult> {
  const [account] = await tx.select({ resellerId: backupAccounts.resellerId }).from(backupAccounts).where(eq(backupAccounts.id, input.accountId));
  if (!account) throw new UnknownAccountError(input.accountId);
  const serverId = await knownServer(tx, input.serverId ?? null);
  const [row] = await tx
    .insert(activities)
    .values({ ...columns, accountId: input.accountId, resellerId: account.resellerId, serverId })
    .$returningId();
  if (!row) throw new Error("insert returned no id");
  await insertEntries(tx, row.id, input.record.entries, columns.startedAt);
  return { activityId: row.id, created: true };
}

/**
 * Which daemon ran it is a detail; the activity is what the customer needs. A server row that is
 * gone (deregistered while items waited in its outbox) is recorded as unknown, not parked.
 */
async function knownServer(tx: Transaction, serverId: number | null): Promise<number | null> {
  if (serverId === null) return null;
  const [server] = await tx.select({ id: backupServers.id }).from(backupServers).where(eq(backupServers.id, serverId));
  return server ? server.id : null;
}

async function findStored(db: Database, key: string): Promise<Stored | undefined> {
  const [row] = await db
    .select({ id: activities.id, accountId: activities.accountId, kind: activities.kind, startedAt: activities.startedAt })
    .from(activities)
    .where(eq(activities.idempotencyKey, key));
  return row;
}

/**
 * The stored row is this run if account, kind and start match. Status and end may differ: an
 * interrupted record recovered after a crash shares its id with the real record that may have
 * reached the outbox first, and the first one stored wins.
 */
function sameRun(stored: Stored, accountId: number, columns: ActivityColumns): StoreActivityResult {
  const same = stored.accountId === accountId && stored.kind === columns.kind && stored.startedAt.getTime() === columns.startedAt.getTime();
  if (!same) throw new IdempotencyConflictError(columns.idempotencyKey);
  return { activityId: stored.id, created: false };
}
