import "server-only";
import { asc } from "drizzle-orm";
import { backupAccounts } from "../../../db/schema";
import type { DalContext } from "../context";
import { accountHealthRank, withAccountHealth } from "../health/account-health";
import { accountScope } from "../scope";
import { dailyOutcomes, type DailyOutcome } from "./daily-outcomes";

/**
 * The customer's dashboard: each of the actor's accounts with its health, storage and a 30-day strip
 * of daily outcomes, the worst health first. Two queries whatever the number of accounts.
 */
export async function listBackupDashboard({ db, actor }: DalContext, now: Date = new Date()) {
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
    .where(accountScope(actor))
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
