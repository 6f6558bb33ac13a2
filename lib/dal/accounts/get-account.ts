import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { activities, backupAccounts, storageDevices, users } from "../../../db/schema";
import type { DalContext } from "../context";
import { accountScope } from "../scope";

/** One account with its recent activities, or null when it does not exist for this actor. */
export async function getAccount({ db, actor }: DalContext, accountId: number) {
  const [account] = await db
    .select({
      id: backupAccounts.id,
      loginName: backupAccounts.loginName,
      status: backupAccounts.status,
      customerUserId: backupAccounts.customerUserId,
      customerName: users.name,
      deviceName: storageDevices.name,
      quotaBytes: backupAccounts.quotaBytes,
      usedBytes: backupAccounts.usedBytes,
      expectedIntervalHours: backupAccounts.expectedIntervalHours,
      createdAt: backupAccounts.createdAt,
    })
    .from(backupAccounts)
    .innerJoin(users, eq(users.id, backupAccounts.customerUserId))
    .innerJoin(storageDevices, eq(storageDevices.id, backupAccounts.storageDeviceId))
    .where(and(eq(backupAccounts.id, accountId), accountScope(actor)))
    .limit(1);
  if (!account) return null;

  const recent = await db
    .select({
      id: activities.id,
      kind: activities.kind,
      status: activities.status,
      startedAt: activities.startedAt,
      endedAt: activities.endedAt,
      filesCount: activities.filesCount,
      bytesScanned: activities.bytesScanned,
      bytesNew: activities.bytesNew,
      errorCount: activities.errorCount,
      summary: activities.summary,
    })
    .from(activities)
    .where(eq(activities.accountId, account.id))
    .orderBy(desc(activities.startedAt))
    .limit(50);
  return { ...account, recentActivities: recent };
}

export type AccountDetail = NonNullable<Awaited<ReturnType<typeof getAccount>>>;
