import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { backupAccounts, resellers, users } from "../../../db/schema";
import type { DalContext } from "../context";
import { customerScope } from "../scope";

export interface CustomerSummary {
  id: number;
  name: string;
  login: string;
  disabled: boolean;
  resellerId: number;
  resellerName: string;
  accounts: number;
  usedBytes: number;
  quotaBytes: number;
  failures7d: number;
}

/** Customers the actor may see (optionally one reseller's), with their accounts' totals. */
export async function listCustomers({ db, actor }: DalContext, filter: { resellerId?: number } = {}, now = new Date()): Promise<CustomerSummary[]> {
  const since = new Date(now.getTime() - 7 * 24 * 3600 * 1000);
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      login: users.login,
      disabled: users.disabled,
      resellerId: resellers.id,
      resellerName: resellers.name,
      accounts: sql<number>`count(${backupAccounts.id})`.mapWith(Number),
      usedBytes: sql<number>`coalesce(sum(${backupAccounts.usedBytes}), 0)`.mapWith(Number),
      quotaBytes: sql<number>`coalesce(sum(${backupAccounts.quotaBytes}), 0)`.mapWith(Number),
      failures7d: sql<number>`(select count(*) from activities f join backup_accounts fa on fa.id = f.account_id
        where fa.customer_user_id = ${users.id} and f.status = 'failed' and f.started_at >= ${since})`.mapWith(Number),
    })
    .from(users)
    .innerJoin(resellers, eq(resellers.id, users.resellerId))
    .leftJoin(backupAccounts, eq(backupAccounts.customerUserId, users.id))
    .where(and(customerScope(actor), filter.resellerId === undefined ? undefined : eq(users.resellerId, filter.resellerId)))
    .groupBy(users.id, resellers.id)
    .orderBy(asc(users.name))
    .limit(1000);
  return rows;
}
