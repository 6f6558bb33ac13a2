import { sqlTime, type Cell } from "./bulk-load";
import { figuresOf, hostOf, snapshotIdOf } from "./activity-rows";
import type { BenchTenants } from "./generate-tenants";
import type { BenchPlan } from "./plan";
import type { ActivityPlan } from "./plan-activities";
import { sourceRoot } from "./run-text";
import type { TableRows } from "./tenant-rows";

// Snapshots, and the usage and load samples the storage and quota pages chart.

const DAY = 86_400_000;

/**
 * The snapshots a `forget --keep-within 14d --keep-weekly` policy leaves: every snapshot of the last
 * 14 days, and before that the newest of each week. One pass in time order, one candidate per account.
 */
function* snapshotRows(plan: BenchPlan, p: ActivityPlan, t: BenchTenants): Generator<Cell[]> {
  const end = Date.parse(plan.endsAt);
  const candidate = new Int32Array(t.accounts.length).fill(-1);
  const candidateWeek = new Int32Array(t.accounts.length).fill(-1);
  const row = (i: number): Cell[] => {
    const a = t.accounts[p.account[i]!]!;
    const f = figuresOf(p, a, i);
    return [a.id, snapshotIdOf(p, i), sqlTime(p.startedAt[i]! + p.durationMs[i]!), hostOf(a), JSON.stringify([sourceRoot(a)]), f.files, f.scanned, f.stored, i + 1];
  };
  for (let i = 0; i < p.count; i++) {
    if (snapshotIdOf(p, i) === null) continue;
    const a = p.account[i]!;
    const age = end - p.startedAt[i]!;
    const week = Math.floor(age / (7 * DAY));
    if (candidate[a]! >= 0 && (age <= 14 * DAY || candidateWeek[a] !== week)) {
      yield row(candidate[a]!);
      candidate[a] = -1;
    }
    if (age <= 14 * DAY) {
      yield row(i);
    } else {
      candidate[a] = i;
      candidateWeek[a] = week;
    }
  }
  for (const i of candidate) if (i >= 0) yield row(i);
}

/** One sample a day per account, growing to today's usage. */
function* accountUsageRows(plan: BenchPlan, t: BenchTenants): Generator<Cell[]> {
  const end = Date.parse(plan.endsAt);
  const firstDay = Math.floor(end / DAY) - plan.days;
  for (const a of t.accounts) {
    const from = Math.max(firstDay, Math.ceil(a.createdAtMs / DAY));
    const days = Math.floor(end / DAY) - from;
    for (let d = 0; d <= days; d++) yield [a.id, sqlTime((from + d) * DAY), Math.round(a.usedBytes * (0.8 + (0.2 * d) / Math.max(1, days)))];
  }
}

export function historyTables(plan: BenchPlan, p: ActivityPlan, t: BenchTenants): TableRows[] {
  const end = Date.parse(plan.endsAt);
  const deviceUsed = new Array<number>(t.devices).fill(0);
  for (const a of t.accounts) deviceUsed[a.deviceId - 1]! += a.usedBytes;
  return [
    {
      table: "snapshots",
      columns: ["account_id", "snapshot_id", "taken_at", "host", "paths", "files_count", "bytes_total", "bytes_added", "activity_id"],
      rows: () => snapshotRows(plan, p, t),
    },
    { table: "account_usage_samples", columns: ["account_id", "at", "used_bytes"], rows: () => accountUsageRows(plan, t) },
    {
      table: "device_usage_samples",
      columns: ["device_id", "at", "used_bytes", "capacity_bytes"],
      rows: function* () {
        for (const [d, used] of deviceUsed.entries()) {
          for (let day = plan.days; day >= 0; day--) yield [d + 1, sqlTime(end - day * DAY), Math.round(used * (1 - (0.2 * day) / plan.days)), 2000 * 1024 ** 4];
        }
      },
    },
    {
      table: "server_load_samples",
      columns: ["server_id", "at", "cpu_percent", "memory_bytes", "sessions", "bytes_in", "bytes_out"],
      rows: function* () {
        for (let s = 1; s <= t.servers; s++) {
          for (let h = plan.days * 24; h >= 0; h--) {
            const night = ((end / 3_600_000 - h) % 24) < 6 ? 1 : 0.3;
            yield [s, sqlTime(end - h * 3_600_000), Math.round(night * 70 * 10) / 10, 2 * 1024 ** 3, Math.round(night * 90), Math.round(night * 4e11), Math.round(night * 2e10)];
          }
        }
      },
    },
  ];
}
