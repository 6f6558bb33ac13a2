import { inArray, sql, type SQL } from "drizzle-orm";
import type { AnyMySqlColumn } from "drizzle-orm/mysql-core";
import { activities, backupAccounts } from "../../../db/schema";

// An account's health, computed in the query at read time (never stored by a cron that can fall
// behind). Every expression here is a correlated subquery on `backup_accounts`, so it works in any
// select that has that table in FROM (without an alias). Each subquery is one backwards walk of
// activities_account_kind_started_idx (account_id, kind, started_at, status), which covers it.

/** In order of precedence: the first state that applies wins. */
export const accountHealthStates = ["overdue", "missed", "failed", "warning", "new", "ok"] as const;
export type AccountHealth = (typeof accountHealthStates)[number];

/** States that need someone's attention, worst first (what a reseller filters by). */
export const unhealthyStates: readonly AccountHealth[] = ["overdue", "missed", "failed", "warning"];

type AccountIdSql = SQL | AnyMySqlColumn;

const latestFinishedBackup = (column: SQL, accountId: AccountIdSql = backupAccounts.id) =>
  sql`(select ${column} from ${activities} h
       where h.account_id = ${accountId} and h.kind = 'backup' and h.status <> 'running'
       order by h.started_at desc limit 1)`;

/** The last success of the account `accountId` names (for queries over another row source). */
// A backup with warnings still made a snapshot: it counts as a success for missed/overdue.
export const lastSuccessAtOf = (accountId: AccountIdSql) => sql`(select h.started_at from ${activities} h
       where h.account_id = ${accountId} and h.kind = 'backup' and h.status in ('success', 'warning')
       order by h.started_at desc limit 1)`;

/**
 * The latest finished backup as "<started_at>|<status>": one index walk gives both. When its status
 * is a success, it is also the last success, so a query over many accounts needs lastSuccessAtOf
 * only for the others (see lib/dal/customers/list-customer-overview.ts).
 */
export const latestFinishedBackupOf = (accountId: AccountIdSql) => latestFinishedBackup(sql`concat(h.started_at, '|', h.status)`, accountId);

const lastBackupAt = latestFinishedBackup(sql`h.started_at`);
const lastBackupStatus = latestFinishedBackup(sql`h.status`);
const lastSuccessAt = lastSuccessAtOf(backupAccounts.id);
// The clock starts at the last success, or at the account's creation when it never succeeded.
const since = sql`coalesce(${lastSuccessAt}, ${backupAccounts.createdAt})`;
const nextExpectedAt = sql`(${since} + interval ${backupAccounts.expectedIntervalHours} hour)`;

/** What the health CASE reads: the two lookups and the account's own columns, as SQL. */
export interface AccountHealthInputs {
  lastSuccessAt: SQL | AnyMySqlColumn;
  lastBackupStatus: SQL | AnyMySqlColumn;
  createdAt: SQL | AnyMySqlColumn;
  expectedIntervalHours: SQL | AnyMySqlColumn;
}

/**
 * The health CASE at a given instant, over given inputs. Without an expected interval the date
 * arithmetic yields NULL, the comparisons are not true, and the account can be neither missed nor
 * overdue. A query over many accounts (the reseller's customers page) passes the columns of a
 * derived table that looked each account's last success and last status up once.
 */
export function accountHealthCaseOf(i: AccountHealthInputs, now: Date): SQL<AccountHealth> {
  const from = sql`coalesce(${i.lastSuccessAt}, ${i.createdAt})`;
  return sql<AccountHealth>`(case
    when ${now} > (${from} + interval (3 * ${i.expectedIntervalHours}) hour) then 'overdue'
    when ${now} > (${from} + interval ${i.expectedIntervalHours} hour) then 'missed'
    when ${i.lastBackupStatus} in ('failed', 'interrupted') then 'failed'
    when ${i.lastBackupStatus} = 'warning' then 'warning'
    when ${i.lastBackupStatus} is null then 'new'
    else 'ok' end)`;
}

function healthCase(now: Date): SQL {
  return accountHealthCaseOf({ lastSuccessAt, lastBackupStatus, createdAt: backupAccounts.createdAt, expectedIntervalHours: backupAccounts.expectedIntervalHours }, now);
}

/**
 * The health columns for a select over backup_accounts. `now` is a parameter, not the database's
 * clock, so one page shows one instant and tests can stand on either side of a boundary.
 */
export function accountHealthColumns(now: Date = new Date()) {
  return {
    lastBackupAt: sql<Date | null>`${lastBackupAt}`.mapWith(activities.startedAt),
    lastBackupStatus: sql<"success" | "warning" | "failed" | "interrupted" | null>`${lastBackupStatus}`,
    lastSuccessAt: sql<Date | null>`${lastSuccessAt}`.mapWith(activities.startedAt),
    nextExpectedAt: sql<Date | null>`${nextExpectedAt}`.mapWith(activities.startedAt),
    health: sql<AccountHealth>`${healthCase(now)}`,
  };
}

export type AccountHealthColumns = { [K in keyof ReturnType<typeof accountHealthColumns>]: ReturnType<typeof accountHealthColumns>[K]["_"]["type"] };

/** Adds the health columns to a select's column map: `db.select(withAccountHealth({ id: backupAccounts.id }))`. */
export function withAccountHealth<T extends Record<string, unknown>>(columns: T, now: Date = new Date()) {
  return { ...columns, ...accountHealthColumns(now) };
}

/** A WHERE condition: the account's health is one of `states` (an empty list matches everything). */
export function accountHealthIn(states: readonly AccountHealth[], now: Date = new Date()): SQL | undefined {
  if (states.length === 0) return undefined;
  return inArray(healthCase(now), [...states]);
}

/** The sort key of a health state: 0 for the worst (overdue) up to 5 for ok. */
export function accountHealthRank(now: Date = new Date()): SQL<number> {
  return accountHealthRankOf(healthCase(now));
}

/** The same sort key of any health expression (e.g. accountHealthCaseOf's). */
export function accountHealthRankOf(health: SQL): SQL<number> {
  return sql<number>`field(${health}, ${sql.join(
    accountHealthStates.map((s) => sql`${s}`),
    sql`, `,
  )}) - 1`;
}
