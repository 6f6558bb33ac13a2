import "server-only";
import { and, eq } from "drizzle-orm";
import { activities, backupAccounts, users } from "../../../db/schema";
import type { DalContext } from "../context";
import { accountScope } from "../scope";
import { activitySummaryColumns } from "./activity-columns";

/** One activity with its account, or null when it does not exist within the actor's tenant. */
export async function getActivity({ db, actor }: DalContext, activityId: number) {
  const [row] = await db
    .select({
      ...activitySummaryColumns,
      clientHost: activities.clientHost,
      clientVersion: activities.clientVersion,
      snapshotId: activities.snapshotId,
      accountId: backupAccounts.id,
      accountLoginName: backupAccounts.loginName,
      customerName: users.name,
    })
    .from(activities)
    .innerJoin(backupAccounts, eq(backupAccounts.id, activities.accountId))
    .innerJoin(users, eq(users.id, backupAccounts.customerUserId))
    .where(and(eq(activities.id, activityId), accountScope(actor)))
    .limit(1);
  return row ?? null;
}

export type ActivityDetail = NonNullable<Awaited<ReturnType<typeof getActivity>>>;
