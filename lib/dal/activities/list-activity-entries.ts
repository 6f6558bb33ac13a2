import "server-only";
import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import { activities, activityEntries, backupAccounts, type EntryLevel } from "../../../db/schema";
import type { DalContext } from "../context";
import { accountScope } from "../scope";
import { entryPatterns } from "./text-search";

export interface EntryPageRequest {
  level?: EntryLevel;
  /** Words and phrases in the message or path, matched as in the activity search. */
  q?: string;
  /** Keyset cursor: the id of the last entry already shown. */
  afterId?: number;
  limit: number;
}

/**
 * A page of an activity's log lines in order. The tenant scope is in the query (entries join their
 * activity and account), so an activity of another tenant simply has no entries.
 */
export async function listActivityEntries({ db, actor }: DalContext, activityId: number, page: EntryPageRequest) {
  const conditions: (SQL | undefined)[] = [
    eq(activityEntries.activityId, activityId),
    accountScope(actor),
    page.q ? entryPatterns(page.q, page.level) : page.level ? eq(activityEntries.level, page.level) : undefined,
    page.afterId ? gt(activityEntries.id, page.afterId) : undefined,
  ];
  return db
    .select({ id: activityEntries.id, level: activityEntries.level, at: activityEntries.at, path: activityEntries.path, message: activityEntries.message })
    .from(activityEntries)
    .innerJoin(activities, eq(activities.id, activityEntries.activityId))
    .innerJoin(backupAccounts, eq(backupAccounts.id, activities.accountId))
    .where(and(...conditions))
    .orderBy(asc(activityEntries.id))
    .limit(page.limit);
}

export type EntryRow = Awaited<ReturnType<typeof listActivityEntries>>[number];
