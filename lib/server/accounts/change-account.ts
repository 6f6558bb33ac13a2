import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { backupAccounts, type NewBackupAccount } from "../../../db/schema/accounts";
import { AccountError } from "./account-errors";
import type { AccountRecord, MountedDevice } from "./account-record";
import { adminCliActor, type AdminActor } from "./admin-actor";
import { findAccount, type StoredAccount } from "./find-account";
import { assertLoginName } from "./login-name";
import { recordAccountAudit } from "./record-account-audit";
import { updateAccountCache, type CacheOutcome } from "./update-account-cache";

export interface AccountChange {
  action: string;
  set: Partial<Pick<NewBackupAccount, "passwordHash" | "status" | "quotaBytes">>;
  details?: Record<string, unknown>;
}

export interface ChangeOptions {
  /** Who is named in the audit row; the admin CLI and the OS user running it by default. */
  actor?: AdminActor;
  now?: () => Date;
}

export type ChangeResult = { account: AccountRecord; changed: boolean } & CacheOutcome;

/**
 * The shape of every admin change: lock the row, let `decide` look at it (null: nothing to do;
 * throw to refuse), update it and write the audit row in one transaction, then rewrite the cache.
 * The row lock serialises two admins (or an admin and a mover) changing the same account.
 */
export async function changeAccount(
  db: Database,
  devices: MountedDevice[],
  loginName: string,
  options: ChangeOptions,
  decide: (current: StoredAccount) => AccountChange | null,
): Promise<ChangeResult> {
  assertLoginName(loginName);
  const now = options.now ?? (() => new Date());
  const { stored, changed } = await db.transaction(async (tx) => {
    const current = await findAccount(tx, loginName, { forUpdate: true });
    if (!current) throw new AccountError("unknown_account", `no backup account named ${loginName}`);
    const change = decide(current);
    if (!change) return { stored: current, changed: false };
    await tx.update(backupAccounts).set(change.set).where(eq(backupAccounts.id, current.account.accountId));
    await recordAccountAudit(tx, { action: change.action, stored: current, actor: options.actor ?? adminCliActor(), at: now(), details: change.details });
    return { stored: { ...current, account: { ...current.account, ...change.set } as AccountRecord }, changed: true };
  });
  // Also when nothing changed: the re-run of a command whose cache write failed repairs it.
  return { account: stored.account, changed, ...(await updateAccountCache(stored, devices, now())) };
}
