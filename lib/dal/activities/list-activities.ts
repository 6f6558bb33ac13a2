import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, like, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { activities, activityEntries, backupAccounts, users, type ActivityKind, type ActivityStatus, type EntryLevel } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import { activitySummaryColumns } from "./activity-columns";
import { encodeActivityKey, type ActivityCursor, type ActivityKey } from "./activity-cursor";
import type { ActivityFilters } from "./activity-filters";
import { fulltextQuery, matchExcerpt } from "./fulltext-query";

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

function keyCondition(key: ActivityKey, descending: boolean): SQL | undefined {
  // Spelled out instead of a row comparison so the optimizer gets a range on started_at.
  return descending
    ? and(lte(activities.startedAt, key.startedAt), or(lt(activities.startedAt, key.startedAt), lt(activities.id, key.id)))
    : and(gte(activities.startedAt, key.startedAt), or(gt(activities.startedAt, key.startedAt), gt(activities.id, key.id)));
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function entryMatch(query: string, level: EntryLevel | undefined): SQL {
  return sql`match(${activityEntries.message}, ${activityEntries.path}) against (${query} in boolean mode)${level ? sql` and ${activityEntries.level} = ${level}` : sql``}`;
}

/** Text in the summary, or in an entry: the FULLTEXT search runs once, as a materialised set. */
function textCondition(q: string, level: EntryLevel | undefined): SQL | undefined {
  const query = fulltextQuery(q);
  if (query === null) return sql`false`;
  const inEntries = sql`${activities.id} in (select ${activityEntries.activityId} from ${activityEntries} where ${entryMatch(query, level)})`;
  return level ? inEntries : or(like(activities.summary, `%${escapeLike(q)}%`), inEntries);
}

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
    f.q ? textCondition(f.q, f.level) : f.level ? levelCondition(f.level) : undefined,
  );
}

export interface ActivityListRow {
  id: number;
  kind: ActivityKind;
  status: ActivityStatus;
  startedAt: Date;
  endedAt: Date | null;
  filesCount: number;
  bytesScanned: number;
  bytesNew: number;
  bytesStored: number;
  errorCount: number;
  warningCount: number;
  summary: string | null;
  accountId: number;
  accountLoginName: string;
  customerId: number;
  customerName: string;
  match: EntryMatch | null;
}

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
  const query = fulltextQuery(q);
  if (activityIds.length === 0 || query === null) return new Map();
  const firstIds = db
    .select({ id: sql`min(${activityEntries.id})` })
    .from(activityEntries)
    .where(and(inArray(activityEntries.activityId, activityIds), entryMatch(query, level)))
    .groupBy(activityEntries.activityId);
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
  const direction = walkDescending ? desc : asc;

  const fetched = await db
    .select({ ...activitySummaryColumns, accountId: activities.accountId })
    .from(activities)
    .where(and(activityConditions(actor, filters), key ? keyCondition(key, walkDescending) : undefined))
    .orderBy(direction(activities.startedAt), direction(activities.id))
    .limit(limit + 1);

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

