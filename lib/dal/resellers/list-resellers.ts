import "server-only";
import { asc } from "drizzle-orm";
import { resellers } from "../../../db/schema";
import type { DalContext } from "../context";
import { resellerScope } from "../scope";
import { resellerColumns } from "./reseller-columns";

/** All resellers with their size; admins only (others match no row). */
export async function listResellers({ db, actor }: DalContext) {
  return db.select(resellerColumns).from(resellers).where(resellerScope(actor)).orderBy(asc(resellers.name));
}

export type ResellerSummary = Awaited<ReturnType<typeof listResellers>>[number];
