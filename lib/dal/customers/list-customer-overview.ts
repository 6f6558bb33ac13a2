import "server-only";
import { and, asc, desc, eq, gte, like, or, sql, type SQL } from "drizzle-orm";
import { activities, backupAccounts, resellers, users } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import type { DalContext } from "../context";
import { accountHealthCaseOf, accountHealthRankOf, accountHealthStates, lastSuccessAtOf, latestFinishedBackupOf, type AccountHealth } from "../health/account-health";
import { accountScope, customerScope } from "../scope";
import type { CustomerFilters } from "./customer-filters";

export interface CustomerOverviewRow {
  id: number;
  name: string;
  login: string;
  disabled: boolean;
  resellerId: number;
  resellerName: string;
  accounts: number;
  /** The worst health of the customer's accounts; null without accounts. */
  health: AccountHealth | null;
  /** The stalest of its accounts' last successful backups (null: one has never succeeded). */
  lastSuccessAt: Date | null;
  failures7d: number;
  usedBytes: number;
  quotaBytes: number;
  /** Its fullest account's use of its own quota, in percent (null without accounts). */
  fullestPercent: number | null;
}

export interface CustomerOverview {
  rows: CustomerOverviewRow[];
  total: number;
  page: number;
  pageSize: number;
}

const DAY = 24 * 3600 * 1000;

// Failed activities per account in the last 7 days, read from the reseller's (reseller_id, status,
// started_at) index, or the (status, started_at) index for an admin across resellers.
function failuresSince(actor: Actor, since: Date, resellerId: number | undefined) {
  const tenant = actor.role === "admin" ? (resellerId === undefined ? undefined : eq(activities.resellerId, resellerId)) : eq(activities.resellerId, actor.resellerId ?? -1);
  return and(tenant, eq(activities.status, "failed"), gte(activities.startedAt, since));
}

const toDate = (value: string | null): Date | null => (value === null ? null : (activities.startedAt.mapFromDriverValue(value) as Date));
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The reseller's customers page: every customer in the actor's scope with the worst health of its
 * accounts, the stalest last success, failures in 7 days and storage, filtered, sorted and paged in
 * one query. Per-account figures come from a derived table (health from the shared health module),
 * failures from a grouped read of the failure index; the total rides along as a window count.
 * `pageSize: null` returns every row (the CSV export).
 */
export async function listCustomerOverview(
  { db, actor }: DalContext,
  filters: CustomerFilters,
  options: { now?: Date; pageSize?: number | null } = {},
): Promise<CustomerOverview> {
  const now = options.now ?? new Date();
  const pageSize = options.pageSize === undefined ? 50 : options.pageSize;
  const resellerId = actor.role === "admin" ? filters.resellerId : undefined;

  // One row per account with its latest finished backup ("<time>|<status>"), one index walk each.
  // GROUP BY on the primary key keeps MySQL and MariaDB from merging this into the outer query,
  // which would copy the correlated subquery into every place that reads it.
  const acc = db
    .select({
      accountId: sql<number>`${backupAccounts.id}`.as("acc_id"),
      customerUserId: sql<number>`${backupAccounts.customerUserId}`.as("acc_customer_id"),
      usedBytes: sql<number>`${backupAccounts.usedBytes}`.as("acc_used_bytes"),
      quotaBytes: sql<number>`${backupAccounts.quotaBytes}`.as("acc_quota_bytes"),
      createdAt: sql`${backupAccounts.createdAt}`.as("acc_created_at"),
      intervalHours: sql`${backupAccounts.expectedIntervalHours}`.as("acc_interval_hours"),
      lastBackup: sql`${latestFinishedBackupOf(backupAccounts.id)}`.as("acc_last_backup"),
    })
    .from(backupAccounts)
    .where(and(accountScope(actor), resellerId === undefined ? undefined : eq(backupAccounts.resellerId, resellerId)))
    .groupBy(backupAccounts.id)
    .as("acc");
  const lastStatus = sql`substring_index(${acc.lastBackup}, '|', -1)`;
  // Most accounts' latest backup succeeded, and then it is their last success: only the others
  // (failed, interrupted, none yet) walk the index a second time.
  const accountLastSuccess = sql`(case when ${lastStatus} in ('success', 'warning') then cast(substring_index(${acc.lastBackup}, '|', 1) as datetime(3))
    else ${lastSuccessAtOf(sql`${acc.accountId}`)} end)`;
  const rank = accountHealthRankOf(
    accountHealthCaseOf({ lastSuccessAt: accountLastSuccess, lastBackupStatus: lastStatus, createdAt: sql`${acc.createdAt}`, expectedIntervalHours: sql`${acc.intervalHours}` }, now),
  );
  const failures = db
    .select({ accountId: sql<number>`${activities.accountId}`.as("failed_account_id"), n: sql<number>`count(*)`.as("failed_n") })
    .from(activities)
    .where(failuresSince(actor, new Date(now.getTime() - 7 * DAY), resellerId))
    .groupBy(activities.accountId)
    .as("f");

  // Guarded: for a customer without accounts the outer join's NULLs would read as "new".
  const accountRank = sql`case when ${acc.accountId} is not null then ${rank} end`;
  const healthRank = sql<number | null>`min(${accountRank})`;
  // A never-successful account makes its customer's "last success" never: null sorts as stalest.
  const lastSuccess = sql<Date | null>`case when count(${acc.accountId}) > 0 and count(${accountLastSuccess}) = count(${acc.accountId}) then min(${accountLastSuccess}) end`;
  const failures7d = sql<number>`coalesce(sum(${failures.n}), 0)`;
  const fullest = sql<number | null>`max(case when ${acc.accountId} is null then null when ${acc.quotaBytes} > 0 then ${acc.usedBytes} * 100 / ${acc.quotaBytes} when ${acc.usedBytes} > 0 then 1000 else 0 end)`;
  const usedBytes = sql<number>`coalesce(sum(${acc.usedBytes}), 0)`;

  const having: (SQL | undefined)[] = [];
  if (filters.health.length > 0) {
    // At least one account in one of the states: compare each account's rank to the states' ranks.
    const ranks = filters.health.map((h) => accountHealthStates.indexOf(h));
    having.push(sql`sum(${accountRank} in (${sql.join(ranks.map((r) => sql`${r}`), sql`, `)})) > 0`);
  }
  if (filters.minUsagePercent !== undefined) having.push(sql`${fullest} >= ${filters.minUsagePercent}`);

  const direction = filters.dir === "desc" ? desc : asc;
  const sortKey: Record<CustomerFilters["sort"], SQL[]> = {
    name: [direction(users.name)],
    // Worst first in ascending order; customers without accounts last.
    health: [sql`${healthRank} is null`, direction(healthRank)],
    // Stalest first in ascending order, never-successful before everything.
    lastSuccess: [filters.dir === "desc" ? sql`${lastSuccess} is null` : sql`${lastSuccess} is not null`, direction(lastSuccess)],
    failures: [direction(failures7d)],
    usage: [direction(fullest)],
  };

  const search = filters.q ? or(like(users.name, `%${escapeLike(filters.q)}%`), like(users.login, `%${escapeLike(filters.q)}%`)) : undefined;
  // A function: drizzle's limit() and offset() change the builder they are called on.
  const query = () =>
    db
      .select({
        id: users.id,
        name: users.name,
        login: users.login,
        disabled: users.disabled,
        resellerId: resellers.id,
        resellerName: resellers.name,
        accounts: sql<number>`count(${acc.accountId})`.mapWith(Number),
        healthRank: healthRank.mapWith((v) => (v === null ? null : Number(v))),
        lastSuccessAt: lastSuccess.mapWith(toDate),
        failures7d: failures7d.mapWith(Number),
        usedBytes: usedBytes.mapWith(Number),
        quotaBytes: sql<number>`coalesce(sum(${acc.quotaBytes}), 0)`.mapWith(Number),
        fullestPercent: fullest.mapWith((v) => (v === null ? null : Number(v))),
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(users)
      .innerJoin(resellers, eq(resellers.id, users.resellerId))
      .leftJoin(acc, eq(acc.customerUserId, users.id))
      .leftJoin(failures, eq(failures.accountId, acc.accountId))
      .where(and(customerScope(actor), resellerId === undefined ? undefined : eq(users.resellerId, resellerId), search))
      .groupBy(users.id, resellers.id)
      .having(and(...having))
      .orderBy(...sortKey[filters.sort], asc(users.name), asc(users.id));
  const rows = pageSize === null ? await query() : await query().limit(pageSize).offset((filters.page - 1) * pageSize);

  return {
    rows: rows.map(({ healthRank: rank, total: _total, ...r }) => ({ ...r, health: rank === null ? null : (accountHealthStates[rank] ?? null) })),
    total: rows[0]?.total ?? (filters.page > 1 && pageSize !== null ? await countFallback() : 0),
    page: filters.page,
    pageSize: pageSize ?? rows.length,
  };

  // Past the last page there is no row to carry the window count: count once more without paging.
  async function countFallback(): Promise<number> {
    return (await query()).length;
  }
}
