import "server-only";
import type { ChangeOrigin } from "../audit/record-audit-event";
import type { DalContext } from "../context";
import { changeReseller } from "./change-reseller";
import { duplicateKeyMessage, resellerNameTaken } from "./reseller-errors";

/** A taken name answers "already exists" whether the check or the unique index caught it. */
export async function renameReseller(ctx: DalContext, resellerId: number, name: string, origin: ChangeOrigin): Promise<{ changed: boolean }> {
  try {
    return await changeReseller(ctx, resellerId, origin, (current) =>
      current.name === name ? null : { action: "reseller.rename", set: { name }, details: { from: current.name, to: name } },
    );
  } catch (error) {
    if (duplicateKeyMessage(error) !== null) throw resellerNameTaken(name);
    throw error;
  }
}
