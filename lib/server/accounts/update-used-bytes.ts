import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { backupAccounts } from "../../../db/schema/accounts";

/**
 * Sets the account's measured storage use, only while the account still lives on one of this
 * server's devices: a copy left behind by a move must not overwrite the new device's figure.
 * Database errors propagate.
 */
export async function updateUsedBytes(db: Database, loginName: string, deviceIds: number[], usedBytes: number): Promise<void> {
  if (deviceIds.length === 0) return;
  await db
    .update(backupAccounts)
    .set({ usedBytes })
    .where(and(eq(backupAccounts.loginName, loginName), inArray(backupAccounts.storageDeviceId, deviceIds)));
}
