import mysql from "mysql2/promise";
import { createDatabaseIfMissing, dropDatabase } from "../../db/admin";
import { createDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { activityColumns, activityRows, entryColumns, entryRows } from "./activity-rows";
import { loadDataInfile, prepareBulkSession } from "./bulk-load";
import { addSecondaryIndexes, dropSecondaryIndexes, readSecondaryIndexes, type SecondaryIndex } from "./deferred-indexes";
import { DASHBOARD_CUSTOMER_INDEX, planTenants } from "./generate-tenants";
import { historyTables } from "./history-rows";
import { planFingerprint, type BenchPlan } from "./plan";
import { planActivities } from "./plan-activities";
import { tenantTables, type TableRows } from "./tenant-rows";

// Builds the benchmark's database, or reuses it when it already holds a complete generation of the
// same plan. The plan, the generation time and completion are kept in a table of its own.

/** Who and what the timed cases read: the generator knows, so nothing is searched for afterwards. */
export interface BenchSubjects {
  adminUserId: number;
  /** The user of the big reseller (the first). */
  resellerUserId: number;
  /** The customer whose dashboard is timed; owns the long activity. */
  customerUserId: number;
  /** The activity with plan.heavyEntries entries. */
  heavyActivityId: number;
}

export interface BenchDatabase {
  plan: BenchPlan;
  subjects: BenchSubjects;
  reused: boolean;
  /** Wall time of the generation (the one that made this database, when reused). */
  generationSeconds: number;
  steps: { step: string; seconds: number }[];
}

const META = "bench_portal_meta";

async function connect(url: string): Promise<mysql.Connection> {
  // LOAD DATA LOCAL needs the LOCAL_FILES capability; mysql2 asks for it by default.
  return mysql.createConnection({ uri: url, timezone: "Z", supportBigNumbers: true, bigNumberStrings: false });
}

interface Meta {
  fingerprint: string;
  plan: BenchPlan;
  subjects: BenchSubjects;
  seconds: number;
  steps: BenchDatabase["steps"];
}

async function readMeta(conn: mysql.Connection): Promise<Meta | null> {
  const [tables] = await conn.query("SHOW TABLES LIKE ?", [META]);
  if ((tables as unknown[]).length === 0) return null;
  const [rows] = await conn.query(`SELECT * FROM ${META} WHERE completed_at IS NOT NULL`);
  const row = (rows as Record<string, string | number | undefined>[])[0];
  // A table from an older generator (another shape) is not reused.
  if (!row || typeof row.subjects !== "string" || typeof row.plan !== "string" || typeof row.steps !== "string") return null;
  return { fingerprint: String(row.fingerprint), plan: JSON.parse(row.plan), subjects: JSON.parse(row.subjects), seconds: Number(row.generation_seconds), steps: JSON.parse(row.steps) };
}

async function migrate(url: string): Promise<void> {
  const { db, pool } = createDatabase(url, 1);
  try {
    await migrateDatabase(db);
  } finally {
    await pool.end();
  }
}

export async function ensureBenchDatabase(url: string, plan: BenchPlan, fresh: boolean, log: (line: string) => void): Promise<BenchDatabase> {
  await createDatabaseIfMissing(url);
  const conn = await connect(url);
  try {
    const meta = fresh ? null : await readMeta(conn);
    if (meta && meta.fingerprint === planFingerprint(plan)) {
      log(`reusing the populated database (generated at ${meta.plan.endsAt} in ${meta.seconds.toFixed(0)} s; --fresh rebuilds it); applying any new migrations`);
      const started = performance.now();
      await migrate(url);
      log(`  migrations checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return { plan: meta.plan, subjects: meta.subjects, reused: true, generationSeconds: meta.seconds, steps: meta.steps };
    }
    log(fresh ? "--fresh: rebuilding the database" : meta ? "the database holds another plan: rebuilding it" : "no complete generation found: building the database");
  } finally {
    await conn.end();
  }
  await dropDatabase(url);
  await createDatabaseIfMissing(url);
  await migrate(url);
  return generate(url, plan, log);
}

async function generate(url: string, plan: BenchPlan, log: (line: string) => void): Promise<BenchDatabase> {
  const steps: BenchDatabase["steps"] = [];
  const startedAll = performance.now();
  const step = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const result = await fn();
    const seconds = (performance.now() - started) / 1000;
    steps.push({ step: name, seconds });
    log(`  ${name}: ${seconds.toFixed(1)} s`);
    return result;
  };
  const [a, b] = [await connect(url), await connect(url)];
  try {
    for (const conn of [a, b]) await prepareBulkSession(conn);
    const tenants = await step("plan tenants", () => planTenants(plan));
    const p = await step(`plan ${plan.activities.toLocaleString("en")} activities`, () => planActivities(plan, tenants));
    const big = ["activities", "activity_entries", "snapshots"];
    const deferred = new Map<string, SecondaryIndex[]>();
    for (const table of big) deferred.set(table, await readSecondaryIndexes(a, table));
    await step("drop secondary indexes", async () => {
      for (const table of big) await dropSecondaryIndexes(a, table, deferred.get(table)!);
    });
    const load = async (conn: mysql.Connection, t: TableRows) => {
      const started = performance.now();
      const n = await loadDataInfile(conn, t.table, t.columns, t.rows());
      const seconds = (performance.now() - started) / 1000;
      steps.push({ step: `load ${t.table}`, seconds });
      log(`  load ${t.table}: ${n.toLocaleString("en")} rows in ${seconds.toFixed(1)} s (${Math.round(n / seconds).toLocaleString("en")} rows/s)`);
    };
    for (const t of tenantTables(plan, tenants)) await load(a, t);
    // The entries are most of the work: one LOAD DATA stream, and the other tables beside it on the
    // second connection. One stream, not two: a LOAD DATA into an empty table with unique and
    // foreign-key checks off runs in MariaDB's bulk mode (no per-row undo), which locks the table,
    // so a second stream into it only waits (measured: lock wait timeout).
    const history = historyTables(plan, p, tenants);
    await Promise.all([
      load(a, { table: "activity_entries", columns: entryColumns, rows: () => entryRows(p, tenants) }),
      (async () => {
        await load(b, { table: "activities", columns: activityColumns, rows: () => activityRows(p, tenants) });
        for (const t of history) await load(b, t);
      })(),
    ]);
    // One table at a time: two index builds side by side thrash a small buffer pool (measured at the
    // default 128 MiB: activities' eight indexes took 630 s beside the entries' FULLTEXT build, 14 s alone).
    await step("index activities and snapshots", async () => {
      await addSecondaryIndexes(a, "activities", deferred.get("activities")!, log);
      await addSecondaryIndexes(a, "snapshots", deferred.get("snapshots")!, log);
    });
    await step("index activity_entries", () => addSecondaryIndexes(a, "activity_entries", deferred.get("activity_entries")!, log));
    await step("analyze tables", () => a.query("ANALYZE TABLE activities, activity_entries, backup_accounts, users, snapshots, account_usage_samples"));
    const generationSeconds = (performance.now() - startedAll) / 1000;
    const subjects: BenchSubjects = {
      adminUserId: tenants.adminUserId,
      resellerUserId: tenants.resellerUserIds[0]!,
      customerUserId: tenants.customers[DASHBOARD_CUSTOMER_INDEX]!.userId,
      heavyActivityId: p.heavy + 1,
    };
    await a.query(
      `CREATE TABLE ${META} (id TINYINT PRIMARY KEY, fingerprint TEXT NOT NULL, plan TEXT NOT NULL, subjects TEXT NOT NULL, generation_seconds DOUBLE NOT NULL, steps TEXT NOT NULL, completed_at DATETIME NULL)`,
    );
    await a.query(`INSERT INTO ${META} VALUES (1, ?, ?, ?, ?, ?, UTC_TIMESTAMP())`, [planFingerprint(plan), JSON.stringify(plan), JSON.stringify(subjects), generationSeconds, JSON.stringify(steps)]);
    return { plan, subjects, reused: false, generationSeconds, steps };
  } finally {
    for (const conn of [a, b]) await conn.end();
  }
}
