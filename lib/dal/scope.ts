import { and, eq, sql, type SQL } from "drizzle-orm";
import { backupAccounts, users } from "../../db/schema";
import type { Actor } from "../auth/actor";

// The tenant rules, in one place. Each returns a WHERE condition so an object outside the actor's
// reach matches no row: callers answer 404 without learning that it exists.

const nothing = sql`false`;

export function accountScope(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case "admin":
      return undefined;
    case "reseller":
      return actor.resellerId === null ? nothing : eq(backupAccounts.resellerId, actor.resellerId);
    case "customer":
      return eq(backupAccounts.customerUserId, actor.userId);
  }
}

/** Accounts whose settings the actor may change: a reseller's own, every one for an admin, none for a customer. */
export function accountManageScope(actor: Actor): SQL | undefined {
  return actor.role === "customer" ? nothing : accountScope(actor);
}

export function customerScope(actor: Actor): SQL | undefined {
  const isCustomer = eq(users.role, "customer");
  switch (actor.role) {
    case "admin":
      return isCustomer;
    case "reseller":
      return actor.resellerId === null ? nothing : and(isCustomer, eq(users.resellerId, actor.resellerId));
    case "customer":
      return nothing;
  }
}

export function resellerScope(actor: Actor): SQL | undefined {
  return actor.role === "admin" ? undefined : nothing;
}
