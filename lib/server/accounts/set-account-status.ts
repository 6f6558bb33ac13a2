import type { Database } from "../../../db/client";
import { AccountError } from "./account-errors";
import type { MountedDevice } from "./account-record";
import { changeAccount, type ChangeOptions, type ChangeResult } from "./change-account";

/**
 * Suspended accounts are refused by every daemon, from MySQL or from the cache. A moving account
 * is refused here: status holds the move's state too, and overwriting it would lose the move.
 * Suspending a suspended account (or resuming an active one) changes nothing and is not audited.
 */
export async function suspendAccount(db: Database, loginName: string, devices: MountedDevice[], options: ChangeOptions & { reason?: string } = {}): Promise<ChangeResult> {
  return changeAccount(db, devices, loginName, options, ({ account }) => {
    if (account.status === "moving") throw movingError(loginName);
    if (account.status === "suspended") return null;
    return { action: "account.suspend", set: { status: "suspended" }, details: options.reason ? { reason: options.reason } : undefined };
  });
}

export async function resumeAccount(db: Database, loginName: string, devices: MountedDevice[], options: ChangeOptions = {}): Promise<ChangeResult> {
  return changeAccount(db, devices, loginName, options, ({ account }) => {
    if (account.status === "moving") throw movingError(loginName);
    if (account.status === "active") return null;
    return { action: "account.resume", set: { status: "active" } };
  });
}

function movingError(loginName: string): AccountError {
  return new AccountError("account_moving", `${loginName} is being moved to another device; try again when the move has finished`);
}
