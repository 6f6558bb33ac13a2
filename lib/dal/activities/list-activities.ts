import "server-only";
import { and, eq, gt, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { activities, activityEntries, backupAccounts, users, type EntryLevel } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import { encodeActivityKey, type ActivityCursor } from "./activity-cursor";
import type { ActivityFilters } from "./activity-filters";
import { matchExcerpt } from "./fulltext-query";
import { selectActivityPage } from "./select-activity-page";
import { findTextMatches, firstEntryMatching, type ActivityRow } from "./text-search";

export { parseActivityFilters, activityFiltersToParams, type ActivityFilters } from "./activity-filters";
export { parseActivityCursor, type ActivityCursor } from "./activity-cursor";

export const ACTIVITY_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

/**
 * The tenant scope on activities alone, so the list is a single-table walk of an index in
 * (started_at, id) order that stops at the page, whatever the optimizer thinks of joins. A
 * reseller's activities carry its id (denormalised for this), a customer's are those of its accounts.
 */
function activityScope(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case "admin":
      return undefined;
    case "reseller":
      return actor.resellerId === null ? sql`false` : eq(activities.resellerId, actor.resellerId);
    case "customer":
      return inArray(activities.accountId, accountsOf(eq(backupAccounts.customerUserId, actor.userId)));
  }
}

const accountsOf = (where: SQL) => sql`(select ${backupAccounts.id} from ${backupAccounts} where ${where})`;

function levelCondition(level: EntryLevel): SQL {
  if (level === "error") return gt(activities.errorCount, 0);
  if (level === "warning") return gt(activities.warningCount, 0);
  return sql`exists (select 1 from ${activityEntries} where ${activityEntries.activityId} = ${activities.id} and ${activityEntries.level} = 'info')`;
}

export function activityConditions(actor: Actor, f: Partial<ActivityFilters>): SQL | undefined {
  return and(
    activityScope(actor),
    f.accountId ? eq(activities.accountId, f.accountId) : undefined,
    f.customerId ? inArray(activities.accountId, accountsOf(eq(backupAccounts.customerUserId, f.customerId))) : undefined,
    f.resellerId ? eq(activities.resellerId, f.resellerId) : undefined,
    f.kind ? eq(activities.kind, f.kind) : undefined,
    f.status?.length ? inArray(activities.status, f.status) : undefined,
    f.from ? gte(activities.startedAt, f.from) : undefined,
    f.to ? lt(activities.startedAt, f.to) : undefined,
    // Text is searched separately (findTextMatches); a level alone needs no entry read.
    !f.q && f.level ? levelCondition(f.level) : undefined,
  );
}

/** An activity as lists show it, with its account's login, its customer and, when searching, the matching line. */
export type ActivityListRow = ActivityRow & {
  accountLoginName: string;
  customerId: number;
  customerName: string;
  match: EntryMatch | null;
};

export interface ActivityPage {
  rows: ActivityListRow[];
  /** `before` key of the previous page, or null on the first page. */
  previous: string | null;
  /** `after` key of the next page, or null on the last page. */
  next: string | null;
}

export interface EntryMatch {
  id: number;
  level: EntryLevel;
  path: string | null;
  excerpt: string;
}

/** The login and customer of the page's accounts (rows already scoped, so no scope needed here). */
async function accountNames(db: Database, accountIds: number[]) {
  if (accountIds.length === 0) return new Map<number, { accountLoginName: string; customerId: number; customerName: string }>();
  const rows = await db
    .select({ id: backupAccounts.id, accountLoginName: backupAccounts.loginName, customerId: backupAccounts.customerUserId, customerName: users.name })
    .from(backupAccounts)
    .innerJoin(users, eq(users.id, backupAccounts.customerUserId))
    .where(inArray(backupAccounts.id, [...new Set(accountIds)]));
  return new Map(rows.map(({ id, ...names }) => [id, names]));
}

/** For each listed activity, its first entry matching the search (by id, i.e. in log order). */
async function firstMatches(db: Database, activityIds: number[], q: string, level: EntryLevel | undefined): Promise<Map<number, EntryMatch>> {
  if (activityIds.length === 0) return new Map();
  // Per activity in the page, a walk of its entries in log order that stops at the first match
  // (the FULLTEXT index would build the match set over every activity's entries first).
  const first = await db
    .select({ id: firstEntryMatching(q, level) })
    .from(activities)
    .where(inArray(activities.id, activityIds));
  const firstIds = first.map((r) => r.id).filter((id): id is number => id !== null);
  if (firstIds.length === 0) return new Map();
  const rows = await db
    .select({ id: activityEntries.id, activityId: activityEntries.activityId, level: activityEntries.level, path: activityEntries.path, message: activityEntries.message })
    .from(activityEntries)
    .where(inArray(activityEntries.id, firstIds));
  return new Map(rows.map((r) => [r.activityId, { id: r.id, level: r.level, path: r.path, excerpt: matchExcerpt(r.message, q) }]));
}

/**
 * One page of the activities the actor may see, filtered, newest (or oldest) first, with a keyset
 * cursor: no OFFSET, so page 500 costs what page 1 costs. Rows carry the account's login, the
 * customer's name and, when searching text, the first matching entry.
 */
export async function listActivities(db: Database, actor: Actor, filters: ActivityFilters, cursor: ActivityCursor = {}): Promise<ActivityPage> {
  const limit = Math.min(Math.max(cursor.limit ?? ACTIVITY_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const newestFirst = filters.sort !== "oldest";
  // A previous page walks the other way from its key and is flipped back afterwards.
  const backwards = cursor.before !== undefined;
  const walkDescending = newestFirst !== backwards;
  const key = cursor.before ?? cursor.after;

  const where = activityConditions(actor, filters);
  const fetched = filters.q
    ? await findTextMatches(db, where, { q: filters.q, level: filters.level }, { key, descending: walkDescending, count: limit + 1 })
    : await selectActivityPage(db, where, { key, descending: walkDescending, count: limit + 1 });

  const more = fetched.length > limit;
  // Back at the start: show a whole first page rather than the few rows left before the key.
  if (backwards && !more) return listActivities(db, actor, filters, { limit });
  const page = fetched.slice(0, limit);
  if (backwards) page.reverse();
  const [accounts, matches] = await Promise.all([
    accountNames(db, page.map((r) => r.accountId)),
    filters.q ? firstMatches(db, page.map((r) => r.id), filters.q, filters.level) : new Map<number, EntryMatch>(),
  ]);
  const rows = page.flatMap((r) => {
    const account = accounts.get(r.accountId);
    return account ? [{ ...r, ...account, match: matches.get(r.id) ?? null }] : [];
  });
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    previous: first && (backwards ? more : cursor.after !== undefined) ? encodeActivityKey(first) : null,
    next: last && (backwards ? true : more) ? encodeActivityKey(last) : null,
  };
}

