import "./load-env";
import { redactUrl } from "../db/bootstrap/redact-url";
import { createDatabase } from "../db/client";
import { seedDemo, type DemoLogin } from "../db/seed";
import { env } from "../lib/env";

// npm run db:seed — fills an empty, migrated database with the demo world and prints its logins.

function hasCode(error: unknown, code: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; depth++) {
    if ((e as { code?: unknown }).code === code) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

function printLogins(logins: DemoLogin[]): void {
  const customers = logins.filter((l) => l.role === "customer");
  // Everyone but the customers, then the first customer of each reseller; the rest follow the same pattern.
  const shown = [...logins.filter((l) => l.role !== "customer"), ...customers.filter((c, i) => customers.findIndex((o) => o.reseller === c.reseller) === i)];
  const rows = [["role", "login", "password", "reseller"], ...shown.map((l) => [l.role, l.login, l.password, l.reseller ?? ""])];
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ").trimEnd();
  console.log(line(rows[0] ?? []));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows.slice(1)) console.log(line(r));
  const hidden = customers.length - (shown.length - (logins.length - customers.length));
  if (hidden > 0) console.log(`... and ${hidden} more customers: <slug>@customer.demo, password ${customers[0]?.password ?? ""}`);
}

async function main(): Promise<void> {
  if (!env.DATABASE_URL) {
    console.error("DATABASE_URL is not set: run npm run db:up first");
    process.exit(1);
  }
  const { db, pool } = createDatabase(env.DATABASE_URL, 2);
  try {
    const started = performance.now();
    const result = await seedDemo(db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.seeded && result.counts) {
      const c = result.counts;
      console.log(`db:seed: seeded ${redactUrl(env.DATABASE_URL)} in ${seconds}s`);
      console.log(
        `  ${c.resellers} resellers, ${c.users} users, ${c.accounts} backup accounts, ${c.activities} activities (${c.activityEntries} entries, ${c.snapshots} snapshots), ` +
          `${c.serverLoadSamples} server load, ${c.deviceUsageSamples} device and ${c.accountUsageSamples} account usage samples, ${c.moveJobs} move jobs, ${c.auditEvents} audit events`,
      );
    } else {
      console.log(`db:seed: ${redactUrl(env.DATABASE_URL)} already holds users; nothing seeded`);
    }
    if (result.logins.length > 0) {
      console.log("\nDemo logins (demo only):\n");
      printLogins(result.logins);
    }
  } catch (error) {
    if (hasCode(error, "ER_NO_SUCH_TABLE")) {
      console.error("db:seed: the database has no tables yet: run npm run db:migrate first");
      process.exit(1);
    }
    if (hasCode(error, "ECONNREFUSED") || hasCode(error, "ER_BAD_DB_ERROR")) {
      console.error(`db:seed: cannot reach ${redactUrl(env.DATABASE_URL)}: run npm run db:up first`);
      process.exit(1);
    }
    throw error;
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
