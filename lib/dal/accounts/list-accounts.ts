import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { activities, backupAccounts, users } from "../../../db/schema";
import type { DalContext } from "../context";
import { selectAccounts, type AccountRow } from "./select-accounts";

export interface AccountSummary extends AccountRow {
  lastActivity: { id: number; kind: string; status: string; startedAt: Date; summary: string | null } | null;
  lastSuccessAt: Date | null;
}

/**
 * The backup accounts the actor may see (optionally one customer's), each with its latest activity
 * and latest successful backup.
 */
export async function listAccounts({ db, actor }: DalContext, filter: { customerUserId?: number } = {}): Promise<AccountSummary[]> {
  const where = filter.customerUserId === undefined ? undefined : eq(backupAccounts.customerUserId, filter.customerUserId);
  const rows = await selectAccounts(db, actor, where).orderBy(asc(users.name), asc(backupAccounts.loginName)).limit(500);
  if (rows.length === 0) return [];

  const ids = rows.map((r) => r.id);
  // Newest activity per account, and newest successful backup per account: two grouped lookups
  // served by the (account_id, started_at) index instead of one query per account.
  const [latest, successes] = await Promise.all([
    db
      .select({ id: activities.id, accountId: activities.accountId, kind: activities.kind, status: activities.status, startedAt: activities.startedAt, summary: activities.summary })
      .from(activities)
      .where(
        and(
          inArray(activities.accountId, ids),
          sql`(${activities.accountId}, ${activities.startedAt}) in (select account_id, max(started_at) from activities where account_id in (${sql.join(ids, sql`, `)}) group by account_id)`,
        ),
      ),
    db
      .select({ accountId: activities.accountId, at: sql<Date>`max(${activities.startedAt})`.mapWith(activities.startedAt) })
      .from(activities)
      .where(and(inArray(activities.accountId, ids), eq(activities.kind, "backup"), inArray(activities.status, ["success", "warning"])))
      .groupBy(activities.accountId),
  ]);
  const latestByAccount = new Map(latest.map((a) => [a.accountId, a]));
  const successByAccount = new Map(successes.map((s) => [s.accountId, s.at]));
  return rows.map((r) => {
    const last = latestByAccount.get(r.id);
    return {
      ...r,
      lastActivity: last ? { id: last.id, kind: last.kind, status: last.status, startedAt: last.startedAt, summary: last.summary } : null,
      lastSuccessAt: successByAccount.get(r.id) ?? null,
    };
  });
}
