import { and, inArray, type SQL } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { activities } from "../../../db/schema";
import type { ActivityKey } from "./activity-cursor";
import { activityOrder, afterKey } from "./activity-order";
import { activityRowColumns, type ActivityRow } from "./text-search";

/**
 * The first `count` activities matching `where` in list order after `key`, in two steps: the ids
 * from an index alone (every scope and filter index ends in started_at and carries the id), then
 * those rows by primary key. Selecting the row's columns in the walk itself makes MariaDB read the
 * full row of every activity it passes: measured by bench:portal on 2 million activities, a
 * customer's first page read all 6,500 of its activities' rows and sorted them (565 ms instead of
 * 17), and page 500 of a reseller's list was walked from the newest row by reseller alone,
 * reading 25,000 rows, instead of starting at the key (90 ms instead of 5).
 */
export async function selectActivityPage(db: Database, where: SQL | undefined, order: { key?: ActivityKey; descending: boolean; count: number }): Promise<ActivityRow[]> {
  const ids = await db
    .select({ id: activities.id })
    .from(activities)
    .where(and(where, order.key ? afterKey(order.key, order.descending) : undefined))
    .orderBy(...activityOrder(order.descending))
    .limit(order.count);
  if (ids.length === 0) return [];
  return db
    .select(activityRowColumns)
    .from(activities)
    .where(
      inArray(
        activities.id,
        ids.map((r) => r.id),
      ),
    )
    .orderBy(...activityOrder(order.descending));
}
