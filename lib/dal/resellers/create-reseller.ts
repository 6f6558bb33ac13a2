import "server-only";
import { eq } from "drizzle-orm";
import { resellers, users } from "../../../db/schema";
import { hashPassword } from "../../auth/password";
import { AppError } from "../../errors";
import { recordAuditEvent, type ChangeOrigin } from "../audit/record-audit-event";
import type { DalContext } from "../context";
import { duplicateKeyMessage, loginTaken, resellerNameTaken } from "./reseller-errors";

export interface NewResellerInput {
  name: string;
  login: string;
  userName?: string;
  password: string;
}

/** A reseller and its first reseller user, in one transaction with the audit row. Admins only. */
export async function createReseller(ctx: DalContext, input: NewResellerInput, origin: ChangeOrigin): Promise<{ id: number }> {
  if (ctx.actor.role !== "admin") throw new AppError("not_found", "Not found.");
  const passwordHash = await hashPassword(input.password);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.login, input.login)).limit(1);
      if (taken) throw loginTaken(input.login);
      const [reseller] = await tx.insert(resellers).values({ name: input.name }).$returningId();
      if (!reseller) throw new Error("insert returned no id");
      const [user] = await tx
        .insert(users)
        .values({ login: input.login, name: input.userName || input.name, role: "reseller", resellerId: reseller.id, passwordHash })
        .$returningId();
      await recordAuditEvent(tx, ctx.actor, origin, {
        action: "reseller.create",
        resellerId: reseller.id,
        targetType: "reseller",
        targetId: reseller.id,
        details: { name: input.name, firstUserLogin: input.login, firstUserId: user?.id ?? null },
      });
      return { id: reseller.id };
    });
  } catch (error) {
    // A taken name (or two admins racing for one login): the unique indexes decide.
    const duplicate = duplicateKeyMessage(error);
    if (duplicate !== null) throw duplicate.includes("login") ? loginTaken(input.login) : resellerNameTaken(input.name);
    throw error;
  }
}
