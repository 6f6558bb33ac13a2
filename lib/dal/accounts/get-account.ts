import "server-only";
import { desc, eq } from "drizzle-orm";
import { activities, backupAccounts } from "../../../db/schema";
import type { DalContext } from "../context";
import { activitySummaryColumns } from "../activities/activity-columns";
import { selectAccounts } from "./select-accounts";

/** One account with its recent activities, or null when it does not exist for this actor. */
export async function getAccount({ db, actor }: DalContext, accountId: number) {
  const [account] = await selectAccounts(db, actor, eq(backupAccounts.id, accountId)).limit(1);
  if (!account) return null;

  const recent = await db
    .select(activitySummaryColumns)
    .from(activities)
    .where(eq(activities.accountId, account.id))
    .orderBy(desc(activities.startedAt))
    .limit(50);
  return { ...account, recentActivities: recent };
}

export type AccountDetail = NonNullable<Awaited<ReturnType<typeof getAccount>>>;
