import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { resellers, users } from "../../db/schema";
import type { Actor } from "./actor";

/**
 * Reads role, reseller and disabled flag fresh, so a change takes effect on the next request. A
 * disabled user, a user of a disabled reseller, or a deleted user has no actor.
 */
export async function loadActor(db: Database, userId: number): Promise<Actor | null> {
  const [row] = await db
    .select({
      userId: users.id,
      role: users.role,
      resellerId: users.resellerId,
      name: users.name,
      login: users.login,
      disabled: users.disabled,
      resellerDisabled: resellers.disabled,
    })
    .from(users)
    .leftJoin(resellers, eq(resellers.id, users.resellerId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || row.disabled || row.resellerDisabled) return null;
  if (row.role !== "admin" && row.resellerId === null) return null;
  const { disabled: _d, resellerDisabled: _r, ...actor } = row;
  return actor;
}
