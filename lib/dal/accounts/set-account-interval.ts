import "server-only";
import type { ChangeOrigin } from "../audit/record-audit-event";
import type { DalContext } from "../context";
import { changeAccount } from "./change-account";

/** How often a successful backup is expected (null: never "missed"); health reads it in the query. */
export function setAccountInterval(ctx: DalContext, accountId: number, hours: number | null, origin: ChangeOrigin) {
  return changeAccount(ctx, accountId, origin, (current) =>
    current.expectedIntervalHours === hours
      ? null
      : { action: "account.interval.update", set: { expectedIntervalHours: hours }, details: { fromHours: current.expectedIntervalHours, toHours: hours } },
  );
}
