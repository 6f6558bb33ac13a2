// The size of the provider the benchmark pretends to be. Every figure scales with --scale except
// the number of resellers and the one long activity, so a quick run (--scale 0.01) has the same
// shape as the real one. The plan, as JSON, is the fingerprint that decides whether an existing
// database can be reused.

/** Bump when the generator changes what it writes, so an old database is rebuilt, not reused. */
export const GENERATOR_VERSION = 1;

export interface BenchPlan {
  version: number;
  seed: number;
  /** Customers per reseller; the first is the big one whose customers page is timed. */
  customersPerReseller: number[];
  accounts: number;
  activities: number;
  entries: number;
  /** The one activity with this many entries (the detail page's worst case). */
  heavyEntries: number;
  days: number;
  /** The instant the history ends (the benchmark's "now"), a whole minute in UTC. */
  endsAt: string;
}

const FULL = { customers: [4_200, 800, 500, 300, 200], accounts: 10_000, activities: 2_000_000, entries: 20_000_000 };

export function makePlan(scale: number, seed: number, now = new Date()): BenchPlan {
  const scaled = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  const customersPerReseller = FULL.customers.map((n) => scaled(n, 2));
  const customers = customersPerReseller.reduce((a, b) => a + b, 0);
  const accounts = Math.max(customers, scaled(FULL.accounts, 1));
  const activities = Math.max(accounts * 4, scaled(FULL.activities, 1));
  const heavyEntries = 50_000;
  // Room for every run's start and end lines, its warnings and errors, and the long one.
  const entries = Math.max(activities * 4 + heavyEntries, scaled(FULL.entries, 1));
  const endsAt = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
  return { version: GENERATOR_VERSION, seed, customersPerReseller, accounts, activities, entries, heavyEntries, days: 90, endsAt };
}

/** What must match for an existing database to be reused (the end instant may differ). */
export function planFingerprint(plan: BenchPlan): string {
  const { endsAt: _endsAt, ...shape } = plan;
  return JSON.stringify(shape);
}
