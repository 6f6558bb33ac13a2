import "server-only";
import { and, eq } from "drizzle-orm";
import { backupAccounts, type AccountStatus, type NewBackupAccount } from "../../../db/schema";
import { AppError } from "../../errors";
import { recordAuditEvent, type ChangeOrigin } from "../audit/record-audit-event";
import type { DalContext } from "../context";
import { accountManageScope } from "../scope";

const currentColumns = {
  id: backupAccounts.id,
  loginName: backupAccounts.loginName,
  resellerId: backupAccounts.resellerId,
  status: backupAccounts.status,
  quotaBytes: backupAccounts.quotaBytes,
  expectedIntervalHours: backupAccounts.expectedIntervalHours,
};
export interface CurrentAccount {
  id: number;
  loginName: string;
  resellerId: number;
  status: AccountStatus;
  quotaBytes: number;
  expectedIntervalHours: number | null;
}

export interface AccountChange {
  action: string;
  set: Partial<Pick<NewBackupAccount, "quotaBytes" | "expectedIntervalHours" | "status" | "passwordHash">>;
  details?: Record<string, unknown>;
}

export const accountNotFound = () => new AppError("not_found", "Not found.");

/**
 * The shape of every portal change to an account: lock the row within the actor's tenant, let
 * `decide` look at it (null: nothing to do, nothing audited; throw an AppError to refuse), then the
 * UPDATE (scoped again, so no path writes outside the tenant) and its audit row in one transaction.
 * Another tenant's account and an unknown id both answer "Not found.".
 *
 * The daemons read MySQL first, so a change applies to the next session; their periodic cache sync
 * carries it to the device caches they fall back on while MySQL is down.
 */
export async function changeAccount(ctx: DalContext, accountId: number, origin: ChangeOrigin, decide: (current: CurrentAccount) => AccountChange | null): Promise<{ changed: boolean }> {
  const scoped = and(eq(backupAccounts.id, accountId), accountManageScope(ctx.actor));
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select(currentColumns).from(backupAccounts).where(scoped).limit(1).for("update");
    if (!current) throw accountNotFound();
    const change = decide(current);
    if (!change) return { changed: false };
    await tx.update(backupAccounts).set(change.set).where(scoped);
    await recordAuditEvent(tx, ctx.actor, origin, {
      action: change.action,
      resellerId: current.resellerId,
      targetType: "account",
      targetId: current.id,
      details: { loginName: current.loginName, ...change.details },
    });
    return { changed: true };
  });
}
