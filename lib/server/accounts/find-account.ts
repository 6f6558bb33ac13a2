import { eq } from "drizzle-orm";
import type { Queryable } from "./queryable";
import { backupAccounts } from "../../../db/schema/accounts";
import type { AccountRecord } from "./account-record";

export interface StoredAccount {
  account: AccountRecord;
  deviceId: number;
  resellerId: number;
  customerUserId: number;
}

const columns = {
  accountId: backupAccounts.id,
  loginName: backupAccounts.loginName,
  status: backupAccounts.status,
  quotaBytes: backupAccounts.quotaBytes,
  usedBytes: backupAccounts.usedBytes,
  passwordHash: backupAccounts.passwordHash,
  deviceId: backupAccounts.storageDeviceId,
  resellerId: backupAccounts.resellerId,
  customerUserId: backupAccounts.customerUserId,
};

/**
 * The account's row in MySQL, or null. Database errors (including "unavailable") propagate.
 * `forUpdate` locks the row until the surrounding transaction ends.
 */
export async function findAccount(db: Queryable, loginName: string, options: { forUpdate?: boolean } = {}): Promise<StoredAccount | null> {
  const query = db.select(columns).from(backupAccounts).where(eq(backupAccounts.loginName, loginName)).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ? toStored(row) : null;
}

/** Every account stored on one device, for rewriting that device's caches. */
export async function findAccountsOnDevice(db: Queryable, deviceId: number): Promise<StoredAccount[]> {
  const rows = await db.select(columns).from(backupAccounts).where(eq(backupAccounts.storageDeviceId, deviceId));
  return rows.map(toStored);
}

function toStored(row: AccountRecord & Omit<StoredAccount, "account">): StoredAccount {
  const { deviceId, resellerId, customerUserId, ...account } = row;
  return { account, deviceId, resellerId, customerUserId };
}
