import { createRandom, type Random } from "../../db/seed/random";
import { DASHBOARD_CUSTOMER_INDEX, type BenchAccount, type BenchTenants } from "./generate-tenants";
import type { BenchPlan } from "./plan";

// Every activity's shape (account, kind, status, times, how many log lines), in typed arrays in
// start-time order: activity ids are 1..n in that order, as a daemon writing them live would make.
// 2 million activities are about 60 MB here; objects would be ten times that.

export const KINDS = ["backup", "restore", "check", "prune"] as const;
export const STATUSES = ["success", "warning", "failed", "interrupted", "running"] as const;
export const [SUCCESS, WARNING, FAILED, INTERRUPTED, RUNNING] = [0, 1, 2, 3, 4];
export const [BACKUP, RESTORE, CHECK] = [0, 1, 2];

export interface ActivityPlan {
  count: number;
  account: Uint32Array;
  startedAt: Float64Array;
  durationMs: Uint32Array;
  kind: Uint8Array;
  status: Uint8Array;
  warnings: Uint32Array;
  errors: Uint32Array;
  /** Log lines in activity_entries, including the warning and error lines. */
  entries: Uint32Array;
  /** Index (0-based) of the one activity with plan.heavyEntries lines. */
  heavy: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Verbose runs (first backups, runs that list skipped files) are at most this long, below the heavy one. */
const TAIL_CAP = 20_000;

/** Activities per account: proportional to how often it runs and for how long it has existed. */
function spreadCounts(plan: BenchPlan, accounts: BenchAccount[]): number[] {
  const start = Date.parse(plan.endsAt) - plan.days * DAY;
  const spans = accounts.map((a) => Math.max(DAY, a.lastActivityMs - Math.max(start, a.createdAtMs)));
  const weights = accounts.map((a, i) => a.weight * spans[i]!);
  const total = weights.reduce((x, y) => x + y, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((plan.activities * w) / total)));
  let missing = plan.activities - counts.reduce((x, y) => x + y, 0);
  for (let i = 0; missing !== 0; i = (i + 1) % counts.length) {
    if (missing < 0 && counts[i]! <= 1) continue;
    counts[i]! += Math.sign(missing);
    missing -= Math.sign(missing);
  }
  return counts;
}

function pickStatus(random: Random, account: BenchAccount, at: number, end: number): number {
  if (account.profile === "broken" && at > end - 5 * DAY) return FAILED;
  const failRate = account.profile === "flaky" ? 0.2 : 0.015;
  const roll = random.next();
  if (roll < failRate) return FAILED;
  if (roll < failRate * 1.3) return INTERRUPTED;
  return roll < failRate * 1.3 + (account.profile === "flaky" ? 0.15 : 0.08) ? WARNING : SUCCESS;
}

export function planActivities(plan: BenchPlan, tenants: BenchTenants): ActivityPlan {
  const random = createRandom(plan.seed).fork("activities");
  const end = Date.parse(plan.endsAt);
  const historyStart = end - plan.days * DAY;
  const counts = spreadCounts(plan, tenants.accounts);
  const n = plan.activities;
  const draft = { account: new Uint32Array(n), startedAt: new Float64Array(n), durationMs: new Uint32Array(n), kind: new Uint8Array(n), status: new Uint8Array(n) };
  let k = 0;
  tenants.accounts.forEach((account, a) => {
    const from = Math.max(historyStart, account.createdAtMs);
    const step = (account.lastActivityMs - from) / counts[a]!;
    const offset = random.next() * step;
    for (let j = 0; j < counts[a]!; j++, k++) {
      const kindRoll = random.next();
      const kind = kindRoll < 0.96 ? BACKUP : kindRoll < 0.975 ? RESTORE : kindRoll < 0.99 ? CHECK : 3;
      const startedAt = Math.min(account.lastActivityMs - 60_000, from + offset + j * step + (random.next() - 0.5) * 0.2 * step);
      const durationMs = Math.round(random.vary(kind === RESTORE ? 15 : kind === BACKUP ? 8 : 4, 0.8) * 60_000);
      draft.account[k] = a;
      draft.startedAt[k] = Math.round(startedAt);
      draft.durationMs[k] = durationMs;
      draft.kind[k] = kind;
      draft.status[k] = startedAt + durationMs > end ? RUNNING : pickStatus(random, account, startedAt, end);
    }
  });

  const order = new Uint32Array(n).map((_, i) => i).sort((x, y) => draft.startedAt[x]! - draft.startedAt[y]!);
  const p: ActivityPlan = {
    count: n,
    account: order.map((i) => draft.account[i]!),
    startedAt: Float64Array.from(order, (i) => draft.startedAt[i]!),
    durationMs: order.map((i) => draft.durationMs[i]!),
    kind: Uint8Array.from(order, (i) => draft.kind[i]!),
    status: Uint8Array.from(order, (i) => draft.status[i]!),
    warnings: new Uint32Array(n),
    errors: new Uint32Array(n),
    entries: new Uint32Array(n),
    heavy: -1,
  };
  planEntryCounts(plan, tenants, p, random);
  return p;
}

/**
 * Log lines per activity: a start and an end line for every run, one line per warning or error,
 * then the rest of the plan's total spread over 5% of runs with a heavy tail (a few verbose runs,
 * most runs short), and one run with exactly plan.heavyEntries lines.
 */
function planEntryCounts(plan: BenchPlan, tenants: BenchTenants, p: ActivityPlan, random: Random): void {
  for (let i = 0; i < p.count; i++) {
    const s = p.status[i]!;
    if (s === WARNING) p.warnings[i] = 1 + Math.floor(-Math.log(1 - random.next()) * 3);
    if (s === FAILED) p.errors[i] = 1 + Math.floor(-Math.log(1 - random.next()) * 2);
    if (s === WARNING && random.chance(0.1)) p.errors[i] = 1;
    p.entries[i] = 2 + p.warnings[i]! + p.errors[i]!;
  }
  p.heavy = pickHeavyActivity(plan, tenants, p);
  p.errors[p.heavy] = Math.floor(plan.heavyEntries * 0.4);
  p.warnings[p.heavy] = 0;
  p.entries[p.heavy] = plan.heavyEntries;

  const base = p.entries.reduce((x, y) => x + y, 0);
  let rest = plan.entries - base;
  if (rest < 0) throw new Error(`the plan's ${plan.entries} entries are fewer than the ${base} every activity needs`);
  const verbose: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < p.count; i++) {
    if (i !== p.heavy && random.chance(0.05)) {
      verbose.push(i);
      weights.push(1 / (1 - random.next()) ** 0.6);
    }
  }
  const total = weights.reduce((x, y) => x + y, 0);
  verbose.forEach((i, v) => {
    const add = Math.min(TAIL_CAP, Math.floor((rest * weights[v]!) / total));
    p.entries[i]! += add;
  });
  rest = plan.entries - p.entries.reduce((x, y) => x + y, 0);
  // What the cap and the rounding left: spread evenly, a few lines each, over the verbose runs.
  for (let v = 0; rest > 0; v = (v + 1) % verbose.length) {
    const i = verbose[v]!;
    if (p.entries[i]! >= TAIL_CAP) continue;
    p.entries[i]! += 1;
    rest--;
  }
}

/** A failed backup, in the last week, of one of the dashboard customer's machines (a Windows one if any). */
function pickHeavyActivity(plan: BenchPlan, tenants: BenchTenants, p: ActivityPlan): number {
  const end = Date.parse(plan.endsAt);
  const owner = tenants.customers[DASHBOARD_CUSTOMER_INDEX]!.userId;
  const mine = tenants.accounts.filter((a) => a.customerUserId === owner);
  const machine = (mine.find((a) => a.windows) ?? mine[0])?.id;
  let fallback = -1;
  for (let i = p.count - 1; i >= 0; i--) {
    const account = tenants.accounts[p.account[i]!]!;
    if (account.id !== machine || p.kind[i] !== BACKUP) continue;
    if (fallback < 0) fallback = i;
    if (p.status[i] !== RUNNING && p.startedAt[i]! < end - DAY && p.startedAt[i]! > end - 7 * DAY) {
      p.status[i] = FAILED;
      return i;
    }
  }
  if (fallback < 0) throw new Error("the dashboard customer has no backups to make the long activity of");
  p.status[fallback] = FAILED;
  return fallback;
}
