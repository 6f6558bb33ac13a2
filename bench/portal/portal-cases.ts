import { count, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { backupAccounts, snapshots } from "../../db/schema";
import type { Actor } from "../../lib/auth/actor";
import { loadActor } from "../../lib/auth/load-actor";
import { decodeActivityKey, type ActivityKey } from "../../lib/dal/activities/activity-cursor";
import { getActivity } from "../../lib/dal/activities/get-activity";
import { getActivityMarkers } from "../../lib/dal/activities/get-activity-markers";
import { listActivities } from "../../lib/dal/activities/list-activities";
import { listActivityEntries } from "../../lib/dal/activities/list-activity-entries";
import { defaultCustomerFilters } from "../../lib/dal/customers/customer-filters";
import { listCustomerOverview } from "../../lib/dal/customers/list-customer-overview";
import { listBackupDashboard } from "../../lib/dal/dashboard/list-backup-dashboard";
import { parseSupportSearch } from "../../lib/dal/search/support-search";
import { listSnapshots } from "../../lib/dal/snapshots/list-snapshots";
import type { BenchSubjects } from "./generate-database";
import { COMMON_TERM, RARE_TERM } from "./run-text";

// The data access behind each portal page, called as the page calls it: the real DAL functions,
// a real Actor loaded from the database the way a request loads it, the pool's real connections.

export interface PortalCase {
  name: string;
  /** What the page is, for the table. */
  label: string;
  /** p95 target in ms. */
  target: number;
  run: () => Promise<unknown>;
}

/** The activity page's page of entries (app/(portal)/activities/[activityId]/page.tsx asks for 201). */
const ENTRY_PAGE = 201;
const LIST_TARGET_MS = 50;
const HEAVY_TARGET_MS = 300;

async function actor(db: Database, userId: number, role: Actor["role"]): Promise<Actor> {
  const a = await loadActor(db, userId);
  if (!a || a.role !== role) throw new Error(`user ${userId} should be an active ${role}; the benchmark database is damaged: run with --fresh`);
  return a;
}

function nonEmpty<T>(rows: T[] | undefined, what: string): T[] {
  if (!rows || rows.length === 0) throw new Error(`${what} returned nothing: the benchmark database is incomplete (run with --fresh)`);
  return rows;
}

export interface PreparedCases {
  cases: PortalCase[];
  /** How long walking to page 500 took, once (one fetch per page), and how deep it got. */
  walkTo500: { pages: number; ms: number };
}

export async function preparePortalCases(db: Database, subjects: BenchSubjects, now: Date, log: (line: string) => void): Promise<PreparedCases> {
  const customer = await actor(db, subjects.customerUserId, "customer");
  const reseller = await actor(db, subjects.resellerUserId, "reseller");
  const support = (query: Record<string, string>) => {
    const parsed = parseSupportSearch(query, now);
    if (!parsed.success) throw new Error(`support search ${JSON.stringify(query)}: ${parsed.errors.join("; ")}`);
    return () => listActivities(db, reseller, parsed.search.filters, parsed.search.cursor);
  };

  // Page 500 of the reseller's activity list, reached as a person would: by following "next" 499
  // times. The timed case then fetches page 500 from the key page 499 handed out.
  const walkStarted = performance.now();
  let page = await listActivities(db, reseller, { sort: "newest" });
  let key: ActivityKey | null = null;
  let pages = 1;
  while (pages < 500 && page.next) {
    key = decodeActivityKey(page.next);
    if (!key) throw new Error(`listActivities handed out a next key it cannot read back: ${page.next}`);
    page = await listActivities(db, reseller, { sort: "newest" }, { after: key });
    pages++;
  }
  const walkTo500 = { pages, ms: performance.now() - walkStarted };
  if (!key) throw new Error("the reseller's activity list has a single page: the benchmark database is incomplete (run with --fresh)");
  // A small --scale has fewer pages: the case is then the deepest one, and named for it.
  const deepPage = { key, number: pages };
  log(`walked to page ${pages} of the reseller's activities in ${(walkTo500.ms / 1000).toFixed(1)} s (${page.rows.length} rows a page)`);

  // The long activity: its first page, and a deep page (after the 40,000th entry), as the owner sees them.
  const heavy = subjects.heavyActivityId;
  const firstPage = nonEmpty(await listActivityEntries({ db, actor: customer }, heavy, { limit: ENTRY_PAGE }), "the long activity's entries");
  let deepAfter = firstPage.at(-1)!.id;
  for (let shown = firstPage.length; shown < 40_000; shown += 2_000) {
    deepAfter = nonEmpty(await listActivityEntries({ db, actor: customer }, heavy, { afterId: deepAfter, limit: 2_000 }), "the long activity's entries").at(-1)!.id;
  }
  // As the activity page reads it: the activity, then its page of entries beside its timeline markers.
  const detail = (page: { afterId?: number; level?: "error"; q?: string }) => async () => {
    const activity = await getActivity({ db, actor: customer }, heavy);
    if (!activity) throw new Error(`activity ${heavy} is not visible to its owner`);
    return Promise.all([listActivityEntries({ db, actor: customer }, activity.id, { ...page, limit: ENTRY_PAGE }), getActivityMarkers({ db, actor: customer }, activity.id)]);
  };

  // The snapshots page of the customer's account with the most snapshots (an hourly database server).
  const [busiest] = await db
    .select({ accountId: snapshots.accountId })
    .from(snapshots)
    .innerJoin(backupAccounts, eq(backupAccounts.id, snapshots.accountId))
    .where(eq(backupAccounts.customerUserId, customer.userId))
    .groupBy(snapshots.accountId)
    .orderBy(desc(count()))
    .limit(1);
  if (!busiest) throw new Error("the dashboard customer has no snapshots: the benchmark database is incomplete (run with --fresh)");

  return {
    walkTo500,
    cases: [
      { name: "customer_dashboard", label: "customer dashboard (health, storage, 30-day strips)", target: LIST_TARGET_MS, run: () => listBackupDashboard({ db, actor: customer }, now) },
      { name: "snapshots_page1", label: "snapshots of an account, page 1", target: LIST_TARGET_MS, run: () => listSnapshots({ db, actor: customer }, busiest.accountId) },
      { name: "activity_list_customer_page1", label: "activity list, customer, page 1", target: LIST_TARGET_MS, run: () => listActivities(db, customer, { sort: "newest" }) },
      { name: "activity_list_page1", label: "activity list, big reseller, page 1", target: LIST_TARGET_MS, run: () => listActivities(db, reseller, { sort: "newest" }) },
      {
        name: `activity_list_page${deepPage.number}`,
        label: `activity list, big reseller, page ${deepPage.number} (keyset)`,
        target: LIST_TARGET_MS,
        run: () => listActivities(db, reseller, { sort: "newest" }, { after: deepPage.key }),
      },
      { name: "activity_detail", label: "activity with 50,000 entries: summary + first page", target: LIST_TARGET_MS, run: detail({}) },
      { name: "activity_detail_deep", label: "activity with 50,000 entries: page after entry 40,000", target: LIST_TARGET_MS, run: detail({ afterId: deepAfter }) },
      { name: "activity_detail_errors", label: "activity with 50,000 entries: errors only, deep page", target: LIST_TARGET_MS, run: detail({ afterId: deepAfter, level: "error" }) },
      { name: "activity_detail_search", label: `activity with 50,000 entries: search "${COMMON_TERM}" in its log`, target: LIST_TARGET_MS, run: detail({ q: COMMON_TERM }) },
      {
        name: "reseller_customers",
        label: "reseller customers page (4,200 customers, by health)",
        target: HEAVY_TARGET_MS,
        run: () => listCustomerOverview({ db, actor: reseller }, defaultCustomerFilters, { now }),
      },
      { name: "support_24h_failed", label: "support search: failures, last 24 h", target: LIST_TARGET_MS, run: support({ status: "failed,interrupted", since: "24h" }) },
      { name: "support_30d_failed", label: "support search: failures, last 30 days", target: HEAVY_TARGET_MS, run: support({ status: "failed,interrupted", since: "30d" }) },
      { name: "support_30d_text_rare", label: `support search: "${RARE_TERM}", last 30 days`, target: HEAVY_TARGET_MS, run: support({ q: RARE_TERM, since: "30d" }) },
      { name: "support_30d_text_common", label: `support search: "${COMMON_TERM}", last 30 days`, target: HEAVY_TARGET_MS, run: support({ q: COMMON_TERM, since: "30d" }) },
    ],
  };
}
