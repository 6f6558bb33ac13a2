import "server-only";
import { and, eq } from "drizzle-orm";
import { resellers } from "../../../db/schema";
import { AppError } from "../../errors";
import { recordAuditEvent, type ChangeOrigin } from "../audit/record-audit-event";
import type { DalContext } from "../context";
import { resellerScope } from "../scope";

export type ResellerChange = { action: string; set: { name?: string; disabled?: boolean }; details: Record<string, unknown> };

/**
 * Locks the reseller within the admin's scope, applies `decide`'s change (null: nothing to do, not
 * audited) with a scoped UPDATE, and writes the audit row in the same transaction.
 */
export async function changeReseller(
  ctx: DalContext,
  resellerId: number,
  origin: ChangeOrigin,
  decide: (current: { id: number; name: string; disabled: boolean }) => ResellerChange | null,
): Promise<{ changed: boolean }> {
  const scoped = and(eq(resellers.id, resellerId), resellerScope(ctx.actor));
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select({ id: resellers.id, name: resellers.name, disabled: resellers.disabled }).from(resellers).where(scoped).limit(1).for("update");
    if (!current) throw new AppError("not_found", "Not found.");
    const change = decide(current);
    if (!change) return { changed: false };
    await tx.update(resellers).set(change.set).where(scoped);
    await recordAuditEvent(tx, ctx.actor, origin, { action: change.action, resellerId: current.id, targetType: "reseller", targetId: current.id, details: change.details });
    return { changed: true };
  });
}
