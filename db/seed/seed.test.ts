import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseIfMissing, dropDatabase, withDatabaseName } from "../admin";
import { createDatabase, type DatabaseHandle } from "../client";
import { migrateDatabase } from "../migrate";
import { demoLogins, seedDemo, type SeedOptions } from "./index";

// Against a real MariaDB/MySQL: two fresh databases of our own, dropped afterwards.
const serverUrl = "mysql://root@127.0.0.1:3306/";
const options: SeedOptions = { customers: 6, days: 10, seed: 4242, now: new Date("2025-06-02T10:00:00.000Z") };
const tables = [
  "resellers",
  "users",
  "backup_servers",
  "storage_devices",
  "server_devices",
  "backup_accounts",
  "activities",
  "activity_entries",
  "snapshots",
  "server_load_samples",
  "device_usage_samples",
  "account_usage_samples",
  "move_jobs",
  "audit_events",
] as const;

interface TestDatabase {
  url: string;
  handle: DatabaseHandle;
}

async function openFreshDatabase(): Promise<TestDatabase> {
  const url = withDatabaseName(serverUrl, `strongroom_seedtest_${randomBytes(6).toString("hex")}`);
  await createDatabaseIfMissing(url);
  const handle = createDatabase(url, 2);
  await migrateDatabase(handle.db);
  return { url, handle };
}

async function query<T>(t: TestDatabase, sql: string, params: unknown[] = []): Promise<T[]> {
  const [rows] = await t.handle.pool.query(sql, params);
  return rows as T[];
}

async function countRows(t: TestDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await query<{ n: number }>(t, `SELECT COUNT(*) AS n FROM \`${table}\``);
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}

describe("seedDemo", () => {
  const opened: TestDatabase[] = [];
  let a: TestDatabase;
  let b: TestDatabase;
  let counts: Record<string, number>;
  let logins: Awaited<ReturnType<typeof seedDemo>>["logins"];

  beforeAll(async () => {
    a = await openFreshDatabase();
    opened.push(a);
    b = await openFreshDatabase();
    opened.push(b);
    logins = (await seedDemo(a.handle.db, options)).logins;
    counts = await countRows(a);
  }, 120_000);

  afterAll(async () => {
    for (const t of opened) {
      await t.handle.pool.end();
      await dropDatabase(t.url);
    }
  }, 60_000);

  it("creates one admin, three resellers and the customers with predictable logins", async () => {
    expect(counts.resellers).toBe(3);
    expect(counts.users).toBe(1 + 3 + 6);
    expect(logins).toEqual(demoLogins(6));
    const users = await query<{ login: string; role: string; reseller: string | null }>(
      a,
      "SELECT u.login, u.role, r.name AS reseller FROM users u LEFT JOIN resellers r ON r.id = u.reseller_id",
    );
    for (const login of logins) {
      const user = users.find((u) => u.login === login.login);
      expect(user, login.login).toBeDefined();
      expect(user?.role).toBe(login.role);
      expect(user?.reseller ?? undefined).toBe(login.reseller);
    }
    // Customer i is served by reseller i % 3.
    const customers = logins.filter((l) => l.role === "customer");
    const resellers = logins.filter((l) => l.role === "reseller");
    customers.forEach((c, i) => expect(c.reseller).toBe(resellers[i % 3]?.reseller));
    expect(logins[0]).toEqual({ role: "admin", login: "admin@strongroom.demo", password: "admin-demo-pass" });
    expect(resellers.map((r) => r.login)).toEqual(["ops@northwind.demo", "ops@bluepeak.demo", "ops@harbourlane.demo"]);
    expect(customers[0]?.login).toBe("acme-dental-care@customer.demo");
  });

  it("creates the infrastructure: three servers, four devices, some mounted by several servers", async () => {
    expect(counts.backup_servers).toBe(3);
    expect(counts.storage_devices).toBe(4);
    const shared = await query<{ n: number }>(a, "SELECT device_id, COUNT(*) AS n FROM server_devices GROUP BY device_id HAVING n > 1");
    expect(shared.length).toBeGreaterThan(0);
    const [full] = await query<{ n: number }>(a, "SELECT COUNT(*) AS n FROM storage_devices WHERE used_bytes <= 0 OR used_bytes > capacity_bytes");
    expect(Number(full?.n)).toBe(0);
  });

  it("keeps tenants consistent: customers, accounts and activities agree on their reseller", async () => {
    expect(counts.backup_accounts).toBeGreaterThanOrEqual(6);
    expect(counts.backup_accounts).toBeLessThanOrEqual(18);
    const orphanCustomers = await query(a, "SELECT id FROM users WHERE role = 'customer' AND reseller_id IS NULL");
    expect(orphanCustomers).toEqual([]);
    const accountMismatch = await query(
      a,
      "SELECT ba.id FROM backup_accounts ba JOIN users u ON u.id = ba.customer_user_id WHERE u.role <> 'customer' OR u.reseller_id <> ba.reseller_id",
    );
    expect(accountMismatch).toEqual([]);
    const activityMismatch = await query(a, "SELECT ac.id FROM activities ac JOIN backup_accounts ba ON ba.id = ac.account_id WHERE ac.reseller_id <> ba.reseller_id");
    expect(activityMismatch).toEqual([]);
    const badQuota = await query(a, "SELECT id FROM backup_accounts WHERE quota_bytes < 50 * POW(1024, 3) OR quota_bytes > 2 * POW(1024, 4) OR used_bytes > quota_bytes");
    expect(badQuota).toEqual([]);
    const logins = await query<{ login_name: string }>(a, "SELECT login_name FROM backup_accounts");
    for (const { login_name } of logins) expect(login_name).toMatch(/^[a-z0-9-]+-(laptop|desktop|fileserver|mail|db|nas)-\d\d$/);
  });

  it("writes successes, warnings and failures, each with its entries", async () => {
    expect(counts.activities).toBeGreaterThan(50);
    for (const [status, level] of [
      ["success", "info"],
      ["warning", "warning"],
      ["failed", "error"],
    ] as const) {
      const rows = await query<{ id: number; path: string | null }>(
        a,
        "SELECT ac.id, e.path FROM activities ac JOIN activity_entries e ON e.activity_id = ac.id WHERE ac.kind = 'backup' AND ac.status = ? AND e.level = ?",
        [status, level],
      );
      expect(rows.length, `${status} backups with ${level} entries`).toBeGreaterThan(0);
      if (status === "warning") expect(rows.every((r) => r.path !== null)).toBe(true);
    }
    const withoutEntries = await query(a, "SELECT ac.id FROM activities ac LEFT JOIN activity_entries e ON e.activity_id = ac.id WHERE e.id IS NULL");
    expect(withoutEntries).toEqual([]);
    const countsDisagree = await query(
      a,
      `SELECT ac.id FROM activities ac
       LEFT JOIN activity_entries e ON e.activity_id = ac.id
       GROUP BY ac.id, ac.warning_count, ac.error_count
       HAVING SUM(e.level = 'warning') <> ac.warning_count OR SUM(e.level = 'error') <> ac.error_count`,
    );
    expect(countsDisagree).toEqual([]);
    const [quota] = await query<{ n: number }>(a, "SELECT COUNT(*) AS n FROM activities WHERE status = 'failed' AND summary LIKE 'Quota%'");
    expect(Number(quota?.n)).toBeGreaterThan(0);
  });

  it("indexes a snapshot for every committed backup, and nothing else", async () => {
    const missing = await query(
      a,
      `SELECT ac.id FROM activities ac LEFT JOIN snapshots s ON s.activity_id = ac.id AND s.snapshot_id = ac.snapshot_id AND s.account_id = ac.account_id
       WHERE ac.kind = 'backup' AND ac.status IN ('success', 'warning') AND s.id IS NULL`,
    );
    expect(missing).toEqual([]);
    const [unsnapshotted] = await query<{ n: number }>(a, "SELECT COUNT(*) AS n FROM activities WHERE kind = 'backup' AND status IN ('failed', 'interrupted') AND snapshot_id IS NOT NULL");
    expect(Number(unsnapshotted?.n)).toBe(0);
    const [committed] = await query<{ n: number }>(a, "SELECT COUNT(*) AS n FROM activities WHERE kind = 'backup' AND status IN ('success', 'warning')");
    expect(counts.snapshots).toBe(Number(committed?.n));
  });

  it("leaves at least one active account with no successful backup within its expected interval", async () => {
    const missed = await query<{ login_name: string }>(
      a,
      `SELECT ba.login_name FROM backup_accounts ba
       WHERE ba.status = 'active' AND ba.expected_interval_hours IS NOT NULL
         AND NOT EXISTS (
           SELECT 1 FROM activities ac WHERE ac.account_id = ba.id AND ac.kind = 'backup' AND ac.status IN ('success', 'warning')
             AND ac.ended_at >= ? - INTERVAL ba.expected_interval_hours HOUR)`,
      [options.now],
    );
    expect(missed.length).toBeGreaterThan(0);
  });

  it("keeps every time at or before now and uses deterministic idempotency keys", async () => {
    const [late] = await query<{ n: number }>(a, "SELECT COUNT(*) AS n FROM activities WHERE ended_at > ? OR started_at > ended_at", [options.now]);
    expect(Number(late?.n)).toBe(0);
    const keys = await query<{ account_id: number; idempotency_key: string }>(a, "SELECT account_id, idempotency_key FROM activities");
    for (const k of keys) expect(k.idempotency_key).toMatch(new RegExp(`^seed-${k.account_id}-\\d+$`));
  });

  it("samples server load every 15 minutes and usage daily", async () => {
    expect(counts.server_load_samples).toBe(3 * 10 * 96);
    expect(counts.device_usage_samples).toBe(4 * 11);
    expect(counts.account_usage_samples).toBeGreaterThan(0);
    const [latest] = await query<{ at: Date }>(a, "SELECT MAX(at) AS at FROM server_load_samples");
    expect(latest?.at.getTime()).toBe(options.now?.getTime());
  });

  it("gives identical rows for the same seed and now", async () => {
    await seedDemo(b.handle.db, options);
    expect(await countRows(b)).toEqual(counts);
    const select = "SELECT * FROM activities ORDER BY idempotency_key";
    expect(await query(b, select)).toEqual(await query(a, select));
    const entries = "SELECT e.* FROM activity_entries e ORDER BY e.id";
    expect(await query(b, entries)).toEqual(await query(a, entries));
    const samples = "SELECT * FROM server_load_samples ORDER BY server_id, at";
    expect(await query(b, samples)).toEqual(await query(a, samples));
  });

  it("does nothing when the database already holds users", async () => {
    const again = await seedDemo(a.handle.db, options);
    expect(again.seeded).toBe(false);
    expect(again.logins).toEqual(demoLogins(6));
    expect(await countRows(a)).toEqual(counts);
  });
});
