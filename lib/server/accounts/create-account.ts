import fs from "node:fs/promises";
import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { databaseErrorCode } from "../activities/activity-errors";
import { backupAccounts } from "../../../db/schema/accounts";
import { users } from "../../../db/schema/users";
import { ensureDir } from "../../core/storage/local-fsync";
import { hashPassword, verifyPassword } from "../../auth/password";
import { AccountError } from "./account-errors";
import { adminCliActor } from "./admin-actor";
import { assertAccountPassword } from "./account-password";
import { repositoryRoot } from "./account-paths";
import type { AccountRecord, MountedDevice } from "./account-record";
import type { ChangeOptions } from "./change-account";
import { findAccount, type StoredAccount } from "./find-account";
import { assertLoginName } from "./login-name";
import { assertQuotaBytes } from "./quota";
import { recordAccountAudit } from "./record-account-audit";
import { updateAccountCache, type CacheOutcome } from "./update-account-cache";

export interface NewAccountInput {
  loginName: string;
  password: string;
  resellerId: number;
  customerUserId: number;
  deviceId: number;
  quotaBytes: number;
  expectedIntervalHours?: number | null;
}

/**
 * Creates the account: the MySQL row (with its audit row) first, then the device directory and the
 * cache file. A crash between the two leaves a row without a cache, which any of these repairs:
 * running the same command again (same password: the re-run is recognised and finishes the job),
 * reset-password, or the daemon's syncAccountCaches. The reverse order could leave a cache that
 * authenticates an account MySQL never heard of.
 */
export async function createAccount(
  db: Database,
  input: NewAccountInput,
  devices: MountedDevice[],
  options: ChangeOptions = {},
): Promise<{ account: AccountRecord; created: boolean } & CacheOutcome> {
  assertLoginName(input.loginName);
  assertAccountPassword(input.password);
  assertQuotaBytes(input.quotaBytes);
  const device = devices.find((d) => d.id === input.deviceId);
  // Checked before the row exists: an account whose directory cannot be made here is not created.
  if (!device) throw new AccountError("device_not_mounted", `storage device ${input.deviceId} is not mounted here`);
  await assertDeviceRoot(device.root);
  await assertCustomer(db, input.customerUserId, input.resellerId);

  const now = options.now ?? (() => new Date());
  const existing = await findAccount(db, input.loginName);
  let stored: StoredAccount;
  let created: boolean;
  if (existing) {
    if (!(await isSameRequest(existing, input))) throw duplicate(input.loginName);
    stored = existing;
    created = false;
  } else {
    stored = await insertAccount(db, input, options, now());
    created = true;
  }
  // From here the row exists: failures are reported in the result, not thrown, so the caller still
  // learns the account exists (and shows a generated password) and can re-run or sync later.
  try {
    await ensureDir(device.root, repositoryRoot(device.root, input.loginName));
  } catch (err) {
    return { account: stored.account, created, cache: "failed", message: err instanceof Error ? err.message : String(err) };
  }
  return { account: stored.account, created, ...(await updateAccountCache(stored, devices, now())) };
}

/** The root must exist before the row is written: a missing root is usually an unmounted device. */
async function assertDeviceRoot(root: string): Promise<void> {
  const stats = await fs.stat(root).catch(() => null);
  if (!stats?.isDirectory()) {
    throw new AccountError("device_not_mounted", `storage device directory ${root} does not exist here: is the device mounted on this host?`);
  }
}

async function insertAccount(db: Database, input: NewAccountInput, options: ChangeOptions, at: Date): Promise<StoredAccount> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(backupAccounts)
        .values({
          loginName: input.loginName,
          resellerId: input.resellerId,
          customerUserId: input.customerUserId,
          storageDeviceId: input.deviceId,
          passwordHash,
          quotaBytes: input.quotaBytes,
          expectedIntervalHours: input.expectedIntervalHours ?? null,
        })
        .$returningId();
      if (!row) throw new Error("insert into backup_accounts returned no id");
      const stored: StoredAccount = {
        account: { accountId: row.id, loginName: input.loginName, status: "active", quotaBytes: input.quotaBytes, usedBytes: 0, passwordHash },
        deviceId: input.deviceId,
        resellerId: input.resellerId,
        customerUserId: input.customerUserId,
      };
      await recordAccountAudit(tx, { action: "account.create", stored, actor: options.actor ?? adminCliActor(), at, details: { quotaBytes: input.quotaBytes, storageDeviceId: input.deviceId } });
      return stored;
    });
  } catch (err) {
    // Two admins creating the same login at once: the unique index decides, the loser is told.
    if (databaseErrorCode(err) === "ER_DUP_ENTRY") throw duplicate(input.loginName);
    throw err;
  }
}

/** A re-run after a crash: same customer, device and password as the row already there. */
async function isSameRequest(existing: StoredAccount, input: NewAccountInput): Promise<boolean> {
  const same = existing.deviceId === input.deviceId && existing.resellerId === input.resellerId && existing.customerUserId === input.customerUserId;
  if (!same) return false;
  return verifyPassword(existing.account.passwordHash, input.password);
}

async function assertCustomer(db: Database, customerUserId: number, resellerId: number): Promise<void> {
  const [user] = await db.select({ role: users.role, resellerId: users.resellerId }).from(users).where(eq(users.id, customerUserId)).limit(1);
  if (!user || user.role !== "customer" || user.resellerId !== resellerId) {
    throw new AccountError("unknown_customer", `user ${customerUserId} is not a customer of reseller ${resellerId}`);
  }
}

function duplicate(loginName: string): AccountError {
  return new AccountError("duplicate_login", `a backup account named ${loginName} already exists`);
}
