import { and, asc, desc, gt, gte, lt, lte, or, type SQL } from "drizzle-orm";
import { activities } from "../../../db/schema";
import type { ActivityKey } from "./activity-cursor";

// The one order of activity lists, (started_at, id), and the keyset condition that continues it.

export function afterKey(key: ActivityKey, descending: boolean): SQL | undefined {
  // Spelled out instead of a row comparison so the optimizer gets a range on started_at.
  return descending
    ? and(lte(activities.startedAt, key.startedAt), or(lt(activities.startedAt, key.startedAt), lt(activities.id, key.id)))
    : and(gte(activities.startedAt, key.startedAt), or(gt(activities.startedAt, key.startedAt), gt(activities.id, key.id)));
}

export function activityOrder(descending: boolean) {
  const direction = descending ? desc : asc;
  return [direction(activities.startedAt), direction(activities.id)];
}
