import { and, asc, desc, eq, like, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { activities, backupAccounts, resellers, users } from "../../db/schema";
import { demoPasswords, type ActorName } from "./e2e-env";

export interface WorldUser {
  id: number;
  login: string;
  name: string;
  resellerId: number | null;
}
export interface WorldAccount {
  id: number;
  loginName: string;
  customerUserId: number;
  resellerId: number;
}
export interface WorldActivity {
  id: number;
  accountId: number;
}
export interface WorldReseller {
  id: number;
  name: string;
}

/**
 * The seeded demo tenants the suites act in, looked up by role and tenant rather than by id:
 * reseller R1 and R2; customers A and A2 of R1 and B of R2, each with a backup account.
 * Only seeded logins (`*.demo`) count, so users made by other tests never stand in for them.
 */
export interface World {
  admin: WorldUser;
  reseller1: WorldReseller;
  reseller2: WorldReseller;
  resellerUser1: WorldUser;
  resellerUser2: WorldUser;
  customerA: WorldUser;
  customerA2: WorldUser;
  customerB: WorldUser;
  accountA: WorldAccount;
  accountA2: WorldAccount;
  accountB: WorldAccount;
  /** The newest activity of account A / account B. */
  activityA: WorldActivity;
  activityB: WorldActivity;
  resellers: WorldReseller[];
  customers: WorldUser[];
  accounts: WorldAccount[];
  /** Larger than any id in use: a well-formed id that matches nothing. */
  unknownId: number;
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`e2e world: the demo seed has no ${what}`);
  return value;
}

export async function loadWorld(db: Database): Promise<World> {
  const userColumns = { id: users.id, login: users.login, name: users.name, resellerId: users.resellerId };
  const maxId = (column: typeof users.id | typeof backupAccounts.id | typeof resellers.id | typeof activities.id) =>
    sql<number>`coalesce(max(${column}), 0)`.mapWith(Number);
  const [allResellers, admins, resellerUsers, customers, accounts, maxUser, maxAccount, maxReseller, maxActivity] = await Promise.all([
    db.select({ id: resellers.id, name: resellers.name }).from(resellers).orderBy(asc(resellers.id)),
    db.select(userColumns).from(users).where(and(eq(users.role, "admin"), eq(users.login, "admin@strongroom.demo"))),
    db.select(userColumns).from(users).where(and(eq(users.role, "reseller"), like(users.login, "ops@%.demo"))).orderBy(asc(users.id)),
    db.select(userColumns).from(users).where(and(eq(users.role, "customer"), like(users.login, "%@customer.demo"))).orderBy(asc(users.id)),
    db
      .select({ id: backupAccounts.id, loginName: backupAccounts.loginName, customerUserId: backupAccounts.customerUserId, resellerId: backupAccounts.resellerId })
      .from(backupAccounts)
      .orderBy(asc(backupAccounts.id)),
    db.select({ id: maxId(users.id) }).from(users),
    db.select({ id: maxId(backupAccounts.id) }).from(backupAccounts),
    db.select({ id: maxId(resellers.id) }).from(resellers),
    db.select({ id: maxId(activities.id) }).from(activities),
  ]);

  const reseller1 = must(allResellers[0], "first reseller");
  const reseller2 = must(allResellers[1], "second reseller");
  const userOf = (resellerId: number) => must(resellerUsers.find((u) => u.resellerId === resellerId), `user for reseller ${resellerId}`);
  const withAccounts = (resellerId: number) => customers.filter((c) => c.resellerId === resellerId && accounts.some((a) => a.customerUserId === c.id));
  const firstAccountOf = (customer: WorldUser) => must(accounts.find((a) => a.customerUserId === customer.id), `account for ${customer.login}`);

  const [customerA, customerA2] = withAccounts(reseller1.id);
  const [customerB] = withAccounts(reseller2.id);
  const a = must(customerA, "customer of the first reseller with an account");
  const a2 = must(customerA2, "second customer of the first reseller with an account");
  const b = must(customerB, "customer of the second reseller with an account");

  const newestActivityOf = async (account: WorldAccount): Promise<WorldActivity> => {
    const [row] = await db
      .select({ id: activities.id, accountId: activities.accountId })
      .from(activities)
      .where(eq(activities.accountId, account.id))
      .orderBy(desc(activities.startedAt))
      .limit(1);
    return must(row, `activity of ${account.loginName}`);
  };
  const accountA = firstAccountOf(a);
  const accountB = firstAccountOf(b);

  return {
    admin: must(admins[0], "admin@strongroom.demo"),
    reseller1,
    reseller2,
    resellerUser1: userOf(reseller1.id),
    resellerUser2: userOf(reseller2.id),
    customerA: a,
    customerA2: a2,
    customerB: b,
    accountA,
    accountA2: firstAccountOf(a2),
    accountB,
    activityA: await newestActivityOf(accountA),
    activityB: await newestActivityOf(accountB),
    resellers: allResellers,
    customers,
    accounts,
    unknownId: Math.max(maxUser[0]?.id ?? 0, maxAccount[0]?.id ?? 0, maxReseller[0]?.id ?? 0, maxActivity[0]?.id ?? 0) + 1_000,
  };
}

/** Login and password of each saved actor. */
export function credentialsOf(world: World, actor: ActorName): { login: string; password: string } {
  switch (actor) {
    case "admin":
      return { login: world.admin.login, password: demoPasswords.admin };
    case "reseller1":
      return { login: world.resellerUser1.login, password: demoPasswords.reseller };
    case "reseller2":
      return { login: world.resellerUser2.login, password: demoPasswords.reseller };
    case "customerA":
      return { login: world.customerA.login, password: demoPasswords.customer };
    case "customerB":
      return { login: world.customerB.login, password: demoPasswords.customer };
  }
}
