import "server-only";
import { AppError } from "../../errors";
import type { ChangeOrigin } from "../audit/record-audit-event";
import type { DalContext } from "../context";
import { changeAccount } from "./change-account";

/**
 * Suspend (every daemon refuses the account's sessions) or resume. A moving account is refused:
 * its status holds the move's state, and overwriting it would lose the move. Suspending a
 * suspended account changes nothing and is not audited.
 */
export function setAccountSuspended(ctx: DalContext, accountId: number, suspended: boolean, origin: ChangeOrigin) {
  const target = suspended ? "suspended" : "active";
  return changeAccount(ctx, accountId, origin, (current) => {
    if (current.status === "moving") throw new AppError("conflict", "This account is being moved to another storage device; try again when the move has finished.");
    if (current.status === target) return null;
    return { action: suspended ? "account.suspend" : "account.resume", set: { status: target } };
  });
}
