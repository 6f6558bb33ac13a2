import { asc, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { backupAccounts } from "../../../db/schema/accounts";
import { storageDevices } from "../../../db/schema/infrastructure";
import { users } from "../../../db/schema/users";

/** Every account for the operator's listing; never the password hash. */
export function listAccounts(db: Database) {
  return db
    .select({
      accountId: backupAccounts.id,
      loginName: backupAccounts.loginName,
      status: backupAccounts.status,
      customerLogin: users.login,
      resellerId: backupAccounts.resellerId,
      deviceName: storageDevices.name,
      quotaBytes: backupAccounts.quotaBytes,
      usedBytes: backupAccounts.usedBytes,
      expectedIntervalHours: backupAccounts.expectedIntervalHours,
      createdAt: backupAccounts.createdAt,
    })
    .from(backupAccounts)
    .innerJoin(users, eq(users.id, backupAccounts.customerUserId))
    .innerJoin(storageDevices, eq(storageDevices.id, backupAccounts.storageDeviceId))
    .orderBy(asc(backupAccounts.loginName));
}

export type AccountListing = Awaited<ReturnType<typeof listAccounts>>[number];
