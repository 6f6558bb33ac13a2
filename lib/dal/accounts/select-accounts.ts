import { and, eq, type SQL } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { backupAccounts, storageDevices, users } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import { accountScope } from "../scope";

const accountColumns = {
  id: backupAccounts.id,
  loginName: backupAccounts.loginName,
  status: backupAccounts.status,
  customerUserId: backupAccounts.customerUserId,
  customerName: users.name,
  deviceName: storageDevices.name,
  quotaBytes: backupAccounts.quotaBytes,
  usedBytes: backupAccounts.usedBytes,
  expectedIntervalHours: backupAccounts.expectedIntervalHours,
};

/** Accounts with their customer's name and device, always within the actor's tenant. */
export function selectAccounts(db: Database, actor: Actor, where?: SQL) {
  return db
    .select(accountColumns)
    .from(backupAccounts)
    .innerJoin(users, eq(users.id, backupAccounts.customerUserId))
    .innerJoin(storageDevices, eq(storageDevices.id, backupAccounts.storageDeviceId))
    .where(and(accountScope(actor), where));
}

export type AccountRow = Awaited<ReturnType<typeof selectAccounts>>[number];
