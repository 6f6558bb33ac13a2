import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { resellers, users } from "../../db/schema";
import { hashPassword } from "../../lib/auth/password";

export interface FreshUser {
  id: number;
  login: string;
  name: string;
  password: string;
}

function tag(): string {
  return randomBytes(4).toString("hex");
}

/**
 * A customer user no other test knows, for tests that lock, disable or sign out a user: they must
 * not disturb the seeded users the other suites sign in as.
 */
export async function createFreshCustomer(db: Database, resellerId: number): Promise<FreshUser> {
  const t = tag();
  const user = { login: `e2e-${t}@customer.test`, name: `E2E customer ${t}`, password: `e2e-pass-${t}` };
  const [row] = await db
    .insert(users)
    .values({ login: user.login, name: user.name, role: "customer", resellerId, passwordHash: await hashPassword(user.password) })
    .$returningId();
  if (!row) throw new Error("insert returned no id");
  return { id: row.id, ...user };
}

/** A reseller of its own with one reseller user, for tests that disable a whole tenant. */
export async function createFreshReseller(db: Database): Promise<{ resellerId: number; user: FreshUser }> {
  const t = tag();
  const [reseller] = await db.insert(resellers).values({ name: `E2E reseller ${t}` }).$returningId();
  if (!reseller) throw new Error("insert returned no id");
  const user = { login: `ops-${t}@reseller.test`, name: `E2E operator ${t}`, password: `e2e-pass-${t}` };
  const [row] = await db
    .insert(users)
    .values({ login: user.login, name: user.name, role: "reseller", resellerId: reseller.id, passwordHash: await hashPassword(user.password) })
    .$returningId();
  if (!row) throw new Error("insert returned no id");
  return { resellerId: reseller.id, user: { id: row.id, ...user } };
}

export async function setUserDisabled(db: Database, userId: number, disabled: boolean): Promise<void> {
  await db.update(users).set({ disabled }).where(eq(users.id, userId));
}

export async function setResellerDisabled(db: Database, resellerId: number, disabled: boolean): Promise<void> {
  await db.update(resellers).set({ disabled }).where(eq(resellers.id, resellerId));
}
