import "server-only";
import { and, eq } from "drizzle-orm";
import { resellers, users } from "../../../db/schema";
import type { DalContext } from "../context";
import { customerScope } from "../scope";

/** One customer, or null when the actor may not see it (or it is not a customer). */
export async function getCustomer(ctx: DalContext, customerUserId: number) {
  const [row] = await ctx.db
    .select({ id: users.id, name: users.name, login: users.login, disabled: users.disabled, resellerId: resellers.id, resellerName: resellers.name })
    .from(users)
    .innerJoin(resellers, eq(resellers.id, users.resellerId))
    .where(and(eq(users.id, customerUserId), customerScope(ctx.actor)))
    .limit(1);
  return row ?? null;
}
