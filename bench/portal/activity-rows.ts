import { sqlTime, tsvCell, type Cell } from "./bulk-load";
import type { BenchAccount, BenchTenants } from "./generate-tenants";
import { BACKUP, CHECK, FAILED, INTERRUPTED, KINDS, RESTORE, RUNNING, STATUSES, WARNING, type ActivityPlan } from "./plan-activities";
import { failureCause, fileProblem, hash32, ordinaryFile, sourceRoot } from "./run-text";

// activities and activity_entries rows from the plan. Activity i has id i + 1; its entries have the
// ids that follow the previous activity's, so both tables load in primary-key order.

export const activityColumns = [
  "id", "account_id", "reseller_id", "server_id", "kind", "status", "started_at", "ended_at", "files_count", "bytes_scanned", "bytes_new", "bytes_stored",
  "error_count", "warning_count", "client_host", "client_version", "snapshot_id", "summary", "idempotency_key",
] as const;
export const entryColumns = ["id", "activity_id", "level", "at", "path", "message"] as const;

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;
const readable = (bytes: number) => (bytes >= GiB ? `${(bytes / GiB).toFixed(1)} GiB` : `${(bytes / MiB).toFixed(1)} MiB`);
// toLocaleString costs microseconds a call: too slow for millions of summaries.
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ",");
const hex = (i: number) => [1, 2, 3, 4].map((salt) => hash32(i, salt).toString(16).padStart(8, "0")).join("");

/** The snapshot id a successful backup made, or null. */
export function snapshotIdOf(p: ActivityPlan, i: number): string | null {
  return p.kind[i] === BACKUP && p.status[i]! <= WARNING ? hex(i) : null;
}

export const hostOf = (a: BenchAccount) => `${a.user}-${a.kind}-${a.id}`;

interface Figures {
  files: number;
  scanned: number;
  added: number;
  stored: number;
}

export function figuresOf(p: ActivityPlan, a: BenchAccount, i: number): Figures {
  const h = hash32(i, 17) / 2 ** 32;
  const kind = p.kind[i]!;
  if (kind === CHECK || kind === 3 || p.status[i] === RUNNING) return { files: 0, scanned: kind === CHECK ? Math.round(a.usedBytes * h) : 0, added: 0, stored: 0 };
  if (kind === RESTORE) return { files: 1 + Math.round(h * 2_000), scanned: Math.round(h * 5 * GiB), added: 0, stored: 0 };
  const scanned = Math.round(a.usedBytes * 1.6 * (0.95 + 0.05 * h));
  const added = p.status[i] === FAILED || p.status[i] === INTERRUPTED ? 0 : Math.round(scanned * 0.002 * (1 + 10 * h * h));
  return { files: Math.max(1, Math.round(scanned / (3 * MiB))), scanned, added, stored: Math.round(added * 0.62) };
}

function summaryOf(p: ActivityPlan, a: BenchAccount, i: number, f: Figures): string | null {
  const status = p.status[i]!;
  const kind = p.kind[i]!;
  if (status === RUNNING) return null;
  if (status === FAILED) return p.errors[i]! > 1_000 ? `${count(p.errors[i]!)} files could not be read: Access is denied under ${sourceRoot(a)}` : `${KINDS[kind]![0]!.toUpperCase()}${KINDS[kind]!.slice(1)} failed: ${failureCause(i)}`;
  if (status === INTERRUPTED) return "Interrupted: the client stopped before the snapshot was saved (no snapshot written)";
  if (status === WARNING) {
    const first = fileProblem(a, i, 0);
    return `${count(p.warnings[i]!)} file${p.warnings[i] === 1 ? "" : "s"} could not be read: ${first.path} (${first.message.replace(/^skipped: /, "")})`;
  }
  if (kind === RESTORE) return `Restore finished: ${count(f.files)} files, ${readable(f.scanned)} restored`;
  if (kind === CHECK) return `No errors found in ${count(Math.max(1, Math.round(a.usedBytes / (16 * MiB))))} packs`;
  if (kind === BACKUP) return `Backup finished: ${count(f.files)} files, ${readable(f.scanned)} scanned, ${readable(f.added)} new`;
  return `Removed ${1 + (hash32(i, 19) % 4)} snapshots`;
}

export function* activityRows(p: ActivityPlan, t: BenchTenants): Generator<Cell[]> {
  for (let i = 0; i < p.count; i++) {
    const a = t.accounts[p.account[i]!]!;
    const kind = p.kind[i]!;
    const f = figuresOf(p, a, i);
    const start = p.startedAt[i]!;
    const client = kind === BACKUP || kind === RESTORE;
    yield [
      i + 1, a.id, a.resellerId, 1 + (hash32(i, 23) % t.servers), KINDS[kind]!, STATUSES[p.status[i]!]!, sqlTime(start), p.status[i] === RUNNING ? null : sqlTime(start + p.durationMs[i]!),
      f.files, f.scanned, f.added, f.stored, p.errors[i]!, p.warnings[i]!, client ? hostOf(a) : null, client ? "0.1.0" : null, snapshotIdOf(p, i), summaryOf(p, a, i, f), `bench-${i + 1}`,
    ];
  }
}

const tailMessages = ["skipped: excluded by pattern *.tmp", "new file", "modified file", "skipped: excluded by pattern ~$*", "metadata changed"];

/** The log lines of every activity in id order, each with its own id, as lines in LOAD DATA's format. */
export function* entryRows(p: ActivityPlan, t: BenchTenants): Generator<string> {
  let id = 1;
  for (let i = 0; i < p.count; i++) {
    const a = t.accounts[p.account[i]!]!;
    const n = p.entries[i]!;
    const start = p.startedAt[i]!;
    const step = n > 1 ? p.durationMs[i]! / (n - 1) : 0;
    const w = p.warnings[i]!;
    const e = p.errors[i]!;
    let j = 0;
    const line = (level: string, path: string | null, message: string) => `${id++}\t${i + 1}\t${level}\t${sqlTime(start + Math.round(step * j++))}\t${tsvCell(path)}\t${tsvCell(message)}`;
    const kindName = KINDS[p.kind[i]!]!;
    yield line("info", null, `${kindName[0]!.toUpperCase()}${kindName.slice(1)} of ${sourceRoot(a)} started on ${hostOf(a)}`);
    for (let k = 0; k < w; k++) {
      const problem = fileProblem(a, i, k);
      yield line("warning", problem.path, problem.message);
    }
    for (let k = 0; k < e; k++) {
      if (k === 0 && p.status[i] === FAILED && e < 1_000) yield line("error", null, failureCause(i));
      else yield line("error", k < 4 ? fileProblem(a, i, w + k).path : ordinaryFile(a, i, k), "read error: Access is denied");
    }
    for (let k = 2 + w + e; k < n; k++) yield line("info", ordinaryFile(a, i, k), tailMessages[hash32(i + k, 29) % tailMessages.length]!);
    const status = STATUSES[p.status[i]!]!;
    yield line("info", null, status === "running" ? "still running" : `finished: ${status}`);
  }
}
