import { inArray, sql } from "drizzle-orm";
import { hashPassword } from "../../lib/auth/password";
import type { Database } from "../client";
import { users } from "../schema";
import { planAccountHistory } from "./history";
import { insertInfrastructure, planInfrastructure } from "./infrastructure";
import { insertHistory, insertSamples } from "./insert-history";
import { defaultCustomers, demoPasswords, listDemoLogins, type DemoLogin } from "./logins";
import { insertOperations, planOperations } from "./operations";
import { resolveSeedClock, type SeedOptions } from "./options";
import { createRandom } from "./random";
import { planServerLoadSamples, planUsage } from "./samples";
import { insertTenants, planTenants, type PasswordHashes } from "./tenants";

export type { DemoLogin } from "./logins";
export type { SeedOptions } from "./options";
export { demoPasswords } from "./logins";

export interface SeedCounts {
  resellers: number;
  users: number;
  accounts: number;
  activities: number;
  activityEntries: number;
  snapshots: number;
  serverLoadSamples: number;
  deviceUsageSamples: number;
  accountUsageSamples: number;
  moveJobs: number;
  auditEvents: number;
}

export interface SeedResult {
  logins: DemoLogin[];
  /** False when the database already held users and nothing was written. */
  seeded: boolean;
  counts: SeedCounts | null;
}

/** The portal logins of the demo world (all customers of the default size unless told otherwise). */
export function demoLogins(customers = defaultCustomers): DemoLogin[] {
  return listDemoLogins(customers);
}

async function hashDemoPasswords(): Promise<PasswordHashes> {
  // One argon2 hash per distinct password (~30 ms each), shared by every row that uses it.
  return {
    admin: await hashPassword(demoPasswords.admin),
    reseller: await hashPassword(demoPasswords.reseller),
    customer: await hashPassword(demoPasswords.customer),
    backup: await hashPassword(demoPasswords.backup),
  };
}

async function listExistingLogins(db: Database, logins: DemoLogin[]): Promise<DemoLogin[]> {
  const found = new Set<string>();
  for (let i = 0; i < logins.length; i += 1000) {
    const rows = await db
      .select({ login: users.login })
      .from(users)
      .where(
        inArray(
          users.login,
          logins.slice(i, i + 1000).map((l) => l.login),
        ),
      );
    for (const row of rows) found.add(row.login);
  }
  return logins.filter((l) => found.has(l.login));
}

/**
 * Fills an empty database with the demo world: an admin, three resellers, their customers and backup
 * accounts, three servers, four storage devices, and `days` of backups, restores, checks and samples.
 * The same `seed` and `now` give the same rows. If the database already holds users it writes nothing
 * and returns the demo logins that exist.
 */
export async function seedDemo(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const clock = resolveSeedClock(options);
  const logins = listDemoLogins(clock.customers);
  const [existing] = await db.select({ count: sql<number>`count(*)` }).from(users);
  if (Number(existing?.count ?? 0) > 0) {
    return { logins: await listExistingLogins(db, logins), seeded: false, counts: null };
  }

  // Plan the whole world in memory first: pure and deterministic, no database involved.
  const random = createRandom(clock.seed);
  const infrastructure = planInfrastructure(clock);
  const tenants = planTenants(random.fork("tenants"), clock, infrastructure);
  const histories = tenants.accounts.map((account) => planAccountHistory(random.fork(`history/${account.loginName}`), account, clock, infrastructure));
  const usage = planUsage(clock, infrastructure, histories);
  const load = planServerLoadSamples(random.fork("load"), clock, infrastructure, histories);
  const operations = planOperations(random.fork("operations"), clock, infrastructure, tenants, histories);
  const hashes = await hashDemoPasswords();

  // One transaction: a failed seed leaves an empty database that the next run fills.
  const counts = await db.transaction(async (tx) => {
    const infrastructureIds = await insertInfrastructure(tx, infrastructure, clock, usage.devices);
    const tenantIds = await insertTenants(tx, tenants, infrastructureIds, hashes, usage.accounts);
    const history = await insertHistory(tx, histories, tenantIds, infrastructureIds);
    await insertSamples(tx, usage, load, tenantIds, infrastructureIds);
    await insertOperations(tx, operations, tenantIds, infrastructureIds);
    return {
      resellers: tenants.resellers.length,
      users: 1 + tenants.resellers.length + tenants.customers.length,
      accounts: tenants.accounts.length,
      activities: history.activities,
      activityEntries: history.entries,
      snapshots: history.snapshots,
      serverLoadSamples: load.length,
      deviceUsageSamples: usage.deviceSamples.length,
      accountUsageSamples: usage.accountSamples.length,
      moveJobs: operations.moveJobs.length,
      auditEvents: operations.auditEvents.length,
    } satisfies SeedCounts;
  });
  return { logins, seeded: true, counts };
}
