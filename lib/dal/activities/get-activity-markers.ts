import "server-only";
import { and, eq, inArray, min, sql } from "drizzle-orm";
import { activities, activityEntries, backupAccounts, type EntryLevel } from "../../../db/schema";
import type { DalContext } from "../context";
import { accountScope } from "../scope";

export interface ActivityMarker {
  level: Extract<EntryLevel, "error" | "warning">;
  entryId: number;
  at: Date;
  path: string | null;
}

/**
 * The first error and the first warning of an activity, for its timeline: one walk each of
 * activity_entries_activity_level_idx (activity_id, level, id), whatever the size of the log.
 */
export async function getActivityMarkers({ db, actor }: DalContext, activityId: number): Promise<ActivityMarker[]> {
  const firsts = await db
    .select({ id: min(activityEntries.id) })
    .from(activityEntries)
    .innerJoin(activities, eq(activities.id, activityEntries.activityId))
    .innerJoin(backupAccounts, eq(backupAccounts.id, activities.accountId))
    .where(and(eq(activityEntries.activityId, activityId), inArray(activityEntries.level, ["error", "warning"]), accountScope(actor)))
    .groupBy(activityEntries.level);
  const ids = firsts.map((f) => f.id).filter((id): id is number => id !== null);
  if (ids.length === 0) return [];
  const rows = await db
    .select({ entryId: activityEntries.id, level: sql<ActivityMarker["level"]>`${activityEntries.level}`, at: activityEntries.at, path: activityEntries.path })
    .from(activityEntries)
    .where(inArray(activityEntries.id, ids))
    .orderBy(activityEntries.id);
  return rows;
}
