import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { backupAccounts } from "../../../db/schema";
import type { DalContext } from "../context";
import { accountHealthRank, withAccountHealth } from "../health/account-health";
import { accountScope } from "../scope";
import { dailyOutcomes, type DailyOutcome } from "./daily-outcomes";

/**
 * The customer's dashboard: each of the actor's accounts with its health, storage and a 30-day strip
 * of daily outcomes, the worst health first (optionally one customer's, for the reseller's customer
 * page). Two queries whatever the number of accounts.
 */
export async function listBackupDashboard({ db, actor }: DalContext, now: Date = new Date(), filter: { customerUserId?: number } = {}) {
  const accounts = await db
    .select(
      withAccountHealth(
        {
          id: backupAccounts.id,
          loginName: backupAccounts.loginName,
          status: backupAccounts.status,
          quotaBytes: backupAccounts.quotaBytes,
          usedBytes: backupAccounts.usedBytes,
          expectedIntervalHours: backupAccounts.expectedIntervalHours,
        },
        now,
      ),
    )
    .from(backupAccounts)
    // A reseller's or admin's view of one customer's dashboard: the same rows, within their scope.
    .where(and(accountScope(actor), filter.customerUserId === undefined ? undefined : eq(backupAccounts.customerUserId, filter.customerUserId)))
    .orderBy(accountHealthRank(now), asc(backupAccounts.loginName))
    .limit(500);
  const strips = await dailyOutcomes(
    db,
    accounts.map((a) => a.id),
    now,
  );
  return accounts.map((a) => ({ ...a, days: strips.get(a.id) ?? ([] as DailyOutcome[]) }));
}

export type DashboardAccount = Awaited<ReturnType<typeof listBackupDashboard>>[number];
