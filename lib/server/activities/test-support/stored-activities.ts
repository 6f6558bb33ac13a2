import { count, eq, inArray } from "drizzle-orm";
import type { Database } from "../../../../db/client";
import { activities, activityEntries } from "../../../../db/schema";
import { createWorld } from "../../../../test/world";

/** Three accounts under two resellers (createWorld makes two accounts per call). */
export async function threeAccounts(db: Database) {
  const first = await createWorld(db);
  const second = await createWorld(db);
  return [
    { accountId: first.accountA, resellerId: first.r1 },
    { accountId: first.accountB, resellerId: first.r2 },
    { accountId: second.accountA, resellerId: second.r1 },
  ] as const;
}

/** Every stored row for these idempotency keys, with its entry count: duplicates would show. */
export async function storedActivities(db: Database, keys: string[]) {
  if (keys.length === 0) return [];
  const rows = await db
    .select({ id: activities.id, key: activities.idempotencyKey, accountId: activities.accountId, resellerId: activities.resellerId, status: activities.status })
    .from(activities)
    .where(inArray(activities.idempotencyKey, keys));
  return Promise.all(
    rows.map(async (row) => {
      const [entries] = await db.select({ n: count() }).from(activityEntries).where(eq(activityEntries.activityId, row.id));
      return { ...row, entries: entries?.n ?? 0 };
    }),
  );
}
