import { sqlTime, type RowSource } from "./bulk-load";
import type { BenchTenants } from "./generate-tenants";
import type { BenchPlan } from "./plan";

// The small tables as rows for the loader. Nobody signs in to the benchmark database: the
// password hashes are a marker no password matches.

const NO_LOGIN = "bench:no-login";
const TiB = 1024 ** 4;

export interface TableRows {
  table: string;
  columns: readonly string[];
  rows: () => RowSource;
}

export const resellerName = (id: number) => (id === 1 ? "Big MSP" : `Reseller ${id}`);

export function tenantTables(plan: BenchPlan, t: BenchTenants): TableRows[] {
  const created = sqlTime(Date.parse(plan.endsAt) - 800 * 86_400_000);
  const resellerIds = Array.from({ length: t.resellers }, (_, i) => i + 1);
  return [
    { table: "resellers", columns: ["id", "name", "disabled", "created_at"], rows: () => resellerIds.map((id) => [id, resellerName(id), 0, created]) },
    {
      table: "users",
      columns: ["id", "login", "name", "role", "reseller_id", "password_hash", "disabled", "created_at"],
      rows: function* () {
        yield [t.adminUserId, "admin@bench.example", "Bench admin", "admin", null, NO_LOGIN, 0, created];
        for (const [i, id] of t.resellerUserIds.entries()) yield [id, `ops@reseller-${i + 1}.example`, `Ops of ${resellerName(i + 1)}`, "reseller", i + 1, NO_LOGIN, 0, created];
        for (const c of t.customers) yield [c.userId, `customer-${c.userId}@bench.example`, `Customer ${String(c.userId).padStart(5, "0")}`, "customer", c.resellerId, NO_LOGIN, 0, created];
      },
    },
    {
      table: "storage_devices",
      columns: ["id", "name", "path", "capacity_bytes", "used_bytes", "status", "created_at"],
      rows: () => {
        const used = new Array<number>(t.devices).fill(0);
        for (const a of t.accounts) used[a.deviceId - 1]! += a.usedBytes;
        return used.map((bytes, i) => [i + 1, `bench-dev-${i + 1}`, `/srv/strongroom/dev-${i + 1}`, 2000 * TiB, bytes, "active", created]);
      },
    },
    {
      table: "backup_servers",
      columns: ["id", "name", "url", "status", "version", "last_heartbeat_at", "created_at"],
      rows: () => Array.from({ length: t.servers }, (_, i) => [i + 1, `bench-backup-0${i + 1}`, `https://backup-0${i + 1}.bench.example:8443`, "online", "0.1.0", sqlTime(Date.parse(plan.endsAt)), created]),
    },
    {
      table: "server_devices",
      columns: ["server_id", "device_id", "mount_path"],
      rows: function* () {
        for (let s = 1; s <= t.servers; s++) for (let d = 1; d <= t.devices; d++) yield [s, d, `/srv/strongroom/dev-${d}`];
      },
    },
    {
      table: "backup_accounts",
      columns: ["id", "login_name", "reseller_id", "customer_user_id", "storage_device_id", "password_hash", "quota_bytes", "used_bytes", "status", "expected_interval_hours", "created_at"],
      rows: function* () {
        for (const a of t.accounts) {
          yield [a.id, `c${a.customerUserId}-${a.kind}-${a.id}`, a.resellerId, a.customerUserId, a.deviceId, NO_LOGIN, a.quotaBytes, a.usedBytes, a.status, a.expectedIntervalHours, sqlTime(a.createdAtMs)];
        }
      },
    },
  ];
}
