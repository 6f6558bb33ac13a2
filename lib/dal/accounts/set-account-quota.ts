import "server-only";
import type { ChangeOrigin } from "../audit/record-audit-event";
import type { DalContext } from "../context";
import { changeAccount } from "./change-account";

/** A quota below the bytes already used is allowed: the account keeps its data and is refused new data. */
export function setAccountQuota(ctx: DalContext, accountId: number, quotaBytes: number, origin: ChangeOrigin) {
  return changeAccount(ctx, accountId, origin, (current) =>
    current.quotaBytes === quotaBytes ? null : { action: "account.quota.update", set: { quotaBytes }, details: { fromBytes: current.quotaBytes, toBytes: quotaBytes } },
  );
}
