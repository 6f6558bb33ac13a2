import "server-only";
import { and, eq } from "drizzle-orm";
import { resellers } from "../../../db/schema";
import type { DalContext } from "../context";
import { resellerScope } from "../scope";
import { resellerColumns } from "./reseller-columns";

/** One reseller, or null when it does not exist or the actor is not an admin. */
export async function getReseller({ db, actor }: DalContext, resellerId: number) {
  const [row] = await db
    .select(resellerColumns)
    .from(resellers)
    .where(and(eq(resellers.id, resellerId), resellerScope(actor)))
    .limit(1);
  return row ?? null;
}

