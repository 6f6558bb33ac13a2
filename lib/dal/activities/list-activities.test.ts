import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { activities, activityEntries, backupAccounts, type ActivityKind, type ActivityStatus } from "../../../db/schema";
import { openTestDatabase } from "../../../test/db";
import { createWorld } from "../../../test/world";
import { decodeActivityKey } from "./activity-cursor";
import { activityConditions, listActivities, parseActivityCursor, parseActivityFilters, type ActivityFilters } from "./list-activities";
import { findTextMatches } from "./text-search";

const db = openTestDatabase();
let w: Awaited<ReturnType<typeof createWorld>>;
let accountA2: number;
const base = new Date("2026-03-10T12:00:00.000Z");
const minutes = (m: number) => new Date(base.getTime() - m * 60_000);
// Activity ids by name, inserted below for customer A's second account.
const ids: Record<string, number> = {};

beforeAll(async () => {
  w = await createWorld(db);
  const [row] = await db
    .insert(backupAccounts)
    .values({ loginName: `a2-${w.tag}`, resellerId: w.r1, customerUserId: w.customerA.userId, storageDeviceId: w.device, passwordHash: "x", quotaBytes: 1e9 })
    .$returningId();
  accountA2 = row!.id;
  const runs: [string, ActivityKind, ActivityStatus, Date, string | null][] = [
    ["outlook", "backup", "failed", minutes(10), "2 files could not be read"],
    ["restore", "restore", "success", minutes(20), null],
    ["check", "check", "warning", minutes(30), null],
    ["summaryOnly", "backup", "interrupted", minutes(40), "Interrupted while reading Mailbox.ost"],
    ...Array.from({ length: 9 }, (_, i) => [`tie${i}`, "backup", "success", minutes(50), null] as [string, ActivityKind, ActivityStatus, Date, null]),
    ["old", "backup", "success", new Date("2026-01-01T00:00:00.000Z"), null],
  ];
  for (const [name, kind, status, startedAt, summary] of runs) {
    const [a] = await db
      .insert(activities)
      .values({ accountId: accountA2, resellerId: w.r1, kind, status, startedAt, summary, errorCount: name === "outlook" ? 2 : 0, idempotencyKey: `la-${randomBytes(6).toString("hex")}` })
      .$returningId();
    ids[name] = a!.id;
  }
  await db.insert(activityEntries).values([
    { activityId: ids.outlook!, level: "info", at: minutes(10), path: null, message: "scanning C:\\Users\\ann" },
    { activityId: ids.outlook!, level: "error", at: minutes(10), path: "C:\\Users\\ann\\Outlook.pst", message: "read failed: the file is locked by another process" },
    { activityId: ids.outlook!, level: "error", at: minutes(10), path: "C:\\Users\\ann\\Outlook-archive.pst", message: "read failed" },
    { activityId: ids.check!, level: "warning", at: minutes(30), path: "/srv/outlook/readme.txt", message: "pack 3f2a has an unexpected size" },
  ]);
});

const all = (f: Partial<ActivityFilters> = {}): ActivityFilters => ({ sort: "newest", accountId: accountA2, ...f });
const list = (actor: typeof w.admin, f: Partial<ActivityFilters> = {}, cursor = {}) => listActivities(db, actor, all(f), cursor);
const idsOf = async (actor: typeof w.admin, f: Partial<ActivityFilters> = {}) => (await list(actor, f, { limit: 200 })).rows.map((r) => r.id);

describe("listActivities scoping", () => {
  it("a customer sees its own accounts' activities with the account's login and its name", async () => {
    const page = await listActivities(db, w.customerA, { sort: "newest" }, { limit: 200 });
    const accounts = new Set(page.rows.map((r) => r.accountId));
    expect([...accounts].sort()).toEqual([w.accountA, accountA2].sort());
    expect(page.rows[0]).toMatchObject({ accountLoginName: `a-${w.tag}`, customerId: w.customerA.userId, customerName: w.customerA.name });
  });

  it("another tenant's ids match nothing, whichever filter carries them", async () => {
    for (const actor of [w.customerB, w.reseller2]) {
      expect(await idsOf(actor)).toEqual([]);
      expect(await idsOf(actor, { accountId: undefined, customerId: w.customerA.userId })).toEqual([]);
      expect(await idsOf(actor, { accountId: undefined, resellerId: w.r1 })).toEqual([]);
    }
    const own = await listActivities(db, w.reseller2, { sort: "newest" }, { limit: 200 });
    expect(own.rows.map((r) => r.accountId)).toEqual([w.accountB]);
  });

  it("the reseller and the admin see the customer's activities", async () => {
    expect(await idsOf(w.reseller1)).toHaveLength(14);
    expect(await idsOf(w.admin)).toHaveLength(14);
    expect(await idsOf(w.admin, { accountId: undefined, customerId: w.customerA.userId })).toHaveLength(16);
    expect(await idsOf(w.admin, { accountId: undefined, resellerId: w.r2 })).not.toContain(ids.outlook);
  });
});

describe("listActivities filters", () => {
  it("by kind, by several statuses, by time range", async () => {
    expect(await idsOf(w.customerA, { kind: "restore" })).toEqual([ids.restore]);
    expect(await idsOf(w.customerA, { status: ["failed", "interrupted"] })).toEqual([ids.outlook, ids.summaryOnly]);
    expect(await idsOf(w.customerA, { from: minutes(30), to: minutes(10) })).toEqual([ids.restore, ids.check]);
    expect(await idsOf(w.customerA, { to: new Date("2026-02-01T00:00:00.000Z") })).toEqual([ids.old]);
  });

  it("text matches entries' paths and messages as words and phrases, and summaries", async () => {
    expect(await idsOf(w.customerA, { q: "Outlook.pst" })).toEqual([ids.outlook]);
    expect(await idsOf(w.customerA, { q: "outlook" })).toEqual([ids.outlook, ids.check]);
    expect(await idsOf(w.customerA, { q: "locked process" })).toEqual([ids.outlook]);
    expect(await idsOf(w.customerA, { q: "Mailbox.ost" })).toEqual([ids.summaryOnly]);
    expect(await idsOf(w.customerA, { q: "nothing-like-this" })).toEqual([]);
    expect(await idsOf(w.customerB, { accountId: undefined, q: "Outlook.pst" })).toEqual([]);
  });

  it("carries the first matching entry, at the asked level", async () => {
    const [row] = (await list(w.customerA, { q: "Outlook.pst" })).rows;
    expect(row?.match).toMatchObject({ level: "error", path: "C:\\Users\\ann\\Outlook.pst", excerpt: "read failed: the file is locked by another process" });
    expect(await idsOf(w.customerA, { q: "outlook", level: "warning" })).toEqual([ids.check]);
    const [warning] = (await list(w.customerA, { q: "outlook", level: "warning" })).rows;
    expect(warning?.match?.level).toBe("warning");
    expect((await list(w.customerA, { kind: "restore" })).rows[0]?.match).toBeNull();
  });

  it("the bounded scan and the FULLTEXT plan find the same activities", async () => {
    const where = activityConditions(w.customerA, all());
    for (const q of ["outlook", "Outlook.pst", "locked process", "Mailbox.ost", "read*", "unmatched"]) {
      const plans = await Promise.all(
        [[], [1], [1, 2], [100]].map(async (chunks) => (await findTextMatches(db, where, { q }, { descending: true, count: 50 }, chunks)).map((r) => r.id)),
      );
      for (const ids of plans.slice(1)) expect(ids, q).toEqual(plans[0]);
    }
  });

  it("level without text keeps activities that logged that level", async () => {
    expect(await idsOf(w.customerA, { level: "error" })).toEqual([ids.outlook]);
  });

  it("sorts oldest first", async () => {
    const rows = await idsOf(w.customerA, { sort: "oldest" });
    expect(rows[0]).toBe(ids.old);
    expect(rows.at(-1)).toBe(ids.outlook);
  });
});

describe("listActivities keyset pages", () => {
  for (const sort of ["newest", "oldest"] as const) {
    it(`pages ${sort} first through ties on started_at without skipping or repeating, and back`, async () => {
      const everything = await idsOf(w.customerA, { sort });
      const seen: number[] = [];
      const pages: { previous: string | null; next: string | null }[] = [];
      let after: string | null = null;
      do {
        const page = await list(w.customerA, { sort }, { limit: 4, after: after ? decodeActivityKey(after)! : undefined });
        seen.push(...page.rows.map((r) => r.id));
        pages.push(page);
        after = page.next;
      } while (after);
      expect(seen).toEqual(everything);
      expect(pages).toHaveLength(4);
      expect(pages[0]!.previous).toBeNull();
      // From the third page back to the second: the same rows as going forward.
      const back = await list(w.customerA, { sort }, { limit: 4, before: decodeActivityKey(pages[2]!.previous!)! });
      expect(back.rows.map((r) => r.id)).toEqual(everything.slice(4, 8));
      expect(back.next).not.toBeNull();
    });
  }

  it("going back to the start gives a whole first page", async () => {
    const everything = await idsOf(w.customerA);
    const second = await list(w.customerA, {}, { limit: 3, after: decodeActivityKey((await list(w.customerA, {}, { limit: 3 })).next!)! });
    const back = await list(w.customerA, {}, { limit: 3, before: decodeActivityKey(second.previous!)! });
    expect(back.rows.map((r) => r.id)).toEqual(everything.slice(0, 3));
    expect(back.previous).toBeNull();
  });
});

describe("parseActivityFilters", () => {
  it("reads every filter from a URL, statuses repeated or comma-separated", () => {
    const parsed = parseActivityFilters(new URLSearchParams("account=7&customer=8&reseller=9&kind=backup&status=failed,warning&status=interrupted&from=2026-11-01&to=2026-11-02&q=Outlook.pst&level=error&sort=oldest"));
    expect(parsed).toEqual({
      success: true,
      filters: {
        accountId: 7,
        customerId: 8,
        resellerId: 9,
        kind: "backup",
        status: ["failed", "warning", "interrupted"],
        from: new Date("2026-11-01T00:00:00.000Z"),
        to: new Date("2026-11-03T00:00:00.000Z"),
        q: "Outlook.pst",
        level: "error",
        sort: "oldest",
      },
    });
    expect(parseActivityFilters({})).toEqual({ success: true, filters: { sort: "newest" } });
  });

  it.each([
    ["account=abc", "account must be a positive whole number"],
    ["kind=snapshot", "kind must be one of backup, restore, check, prune, repair"],
    ["status=failed,bogus", "status must be one of success, warning, failed, interrupted, running"],
    ["from=yesterday", "from must be a date like 2026-11-26"],
    ["from=2026-11-05&to=2026-11-01", "from must be before to"],
    ["q=a%20b", "q needs at least one word of 3 or more letters or digits"],
    [`q=${"x".repeat(201)}`, "q must be at most 200 characters"],
    ["level=debug", "level must be one of info, warning, error"],
    ["sort=random", "sort must be one of newest, oldest"],
  ])("%s is refused with a clear message", (query, message) => {
    const parsed = parseActivityFilters(new URLSearchParams(query));
    expect(parsed.success).toBe(false);
    expect(parsed.success ? [] : parsed.errors.join("; ")).toContain(message);
  });

  it("refuses a malformed page key and both directions at once", () => {
    expect(parseActivityCursor(new URLSearchParams("after=12-x")).success).toBe(false);
    expect(parseActivityCursor(new URLSearchParams("after=1-2&before=1-3")).success).toBe(false);
    expect(parseActivityCursor(new URLSearchParams("after=1764144000000-42"))).toEqual({ success: true, cursor: { after: { startedAt: new Date(1764144000000), id: 42 } } });
  });
});
