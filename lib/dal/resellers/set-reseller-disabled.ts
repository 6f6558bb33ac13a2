import "server-only";
import type { ChangeOrigin } from "../audit/record-audit-event";
import type { DalContext } from "../context";
import { changeReseller } from "./change-reseller";

/**
 * Disables or enables a whole tenant. Its users (its staff and its customers' portal users) are
 * refused at sign-in and lose their sessions on their next request, since lib/auth reads the flag
 * on every request. Backups are not stopped: suspending accounts is a separate decision.
 */
export function setResellerDisabled(ctx: DalContext, resellerId: number, disabled: boolean, origin: ChangeOrigin) {
  return changeReseller(ctx, resellerId, origin, (current) =>
    current.disabled === disabled ? null : { action: disabled ? "reseller.disable" : "reseller.enable", set: { disabled }, details: { name: current.name } },
  );
}
