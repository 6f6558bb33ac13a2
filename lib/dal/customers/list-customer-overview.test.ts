import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { activities, backupAccounts } from "../../../db/schema";
import { openTestDatabase } from "../../../test/db";
import { createUser, createWorld } from "../../../test/world";
import type { Actor } from "../../auth/actor";
import { parseCustomerFilters, type CustomerFilters } from "./customer-filters";
import { listCustomerOverview } from "./list-customer-overview";

const db = openTestDatabase();
const now = new Date();
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
let w: Awaited<ReturnType<typeof createWorld>>;
// Reseller R1 gets three more customers: one healthy and nearly full, one missed, one without accounts.
let healthy: Actor, missed: Actor, empty: Actor;

async function account(customer: Actor, resellerId: number, values: { quotaBytes: number; usedBytes: number; intervalHours?: number; createdAt?: Date }, runs: { at: Date; status: "success" | "failed" }[]) {
  const tag = randomBytes(5).toString("hex");
  const [row] = await db
    .insert(backupAccounts)
    .values({ loginName: `o-${tag}`, resellerId, customerUserId: customer.userId, storageDeviceId: w.device, passwordHash: "x", quotaBytes: values.quotaBytes, usedBytes: values.usedBytes, expectedIntervalHours: values.intervalHours ?? 24, createdAt: values.createdAt ?? hoursAgo(500) })
    .$returningId();
  if (runs.length > 0) await db.insert(activities).values(runs.map((r, i) => ({ accountId: row!.id, resellerId, kind: "backup" as const, status: r.status, startedAt: r.at, idempotencyKey: `o-${tag}-${i}` })));
  return row!.id;
}

beforeAll(async () => {
  w = await createWorld(db);
  healthy = await createUser(db, { role: "customer", resellerId: w.r1, tag: `healthy-${w.tag}` });
  missed = await createUser(db, { role: "customer", resellerId: w.r1, tag: `missed-${w.tag}` });
  empty = await createUser(db, { role: "customer", resellerId: w.r1, tag: `empty-${w.tag}` });
  await account(healthy, w.r1, { quotaBytes: 1000, usedBytes: 950 }, [{ at: hoursAgo(2), status: "success" }]);
  await account(missed, w.r1, { quotaBytes: 1000, usedBytes: 100 }, [{ at: hoursAgo(60), status: "success" }]);
  await account(missed, w.r1, { quotaBytes: 1000, usedBytes: 100 }, [{ at: hoursAgo(3), status: "success" }]);
});

const filters = (query: Record<string, string> = {}): CustomerFilters => parseCustomerFilters(query).filters;
const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

describe("listCustomerOverview", () => {
  it("lists a reseller's customers with worst health, stalest last success, failures and usage", async () => {
    const { rows, total } = await listCustomerOverview({ db, actor: w.reseller1 }, filters({ sort: "name" }), { now });
    expect(total).toBe(4);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(w.customerA.userId)).toMatchObject({ health: "failed", failures7d: 1, accounts: 1, usedBytes: 5e9, quotaBytes: 1e11, fullestPercent: 5 });
    expect(byId.get(healthy.userId)).toMatchObject({ health: "ok", failures7d: 0, fullestPercent: 95 });
    expect(byId.get(missed.userId)).toMatchObject({ health: "missed", lastSuccessAt: hoursAgo(60), accounts: 2 });
    expect(byId.get(empty.userId)).toMatchObject({ health: null, accounts: 0, lastSuccessAt: null, fullestPercent: null });
    // A's latest backup failed a minute ago: its last success is the older one, an hour ago.
    expect(Math.abs(byId.get(w.customerA.userId)!.lastSuccessAt!.getTime() - hoursAgo(1).getTime())).toBeLessThan(60_000);
    expect(byId.get(healthy.userId)!.lastSuccessAt).toEqual(hoursAgo(2));
  });

  it("filters by health (any account in the state), by quota use and by name or login", async () => {
    const ctx = { db, actor: w.reseller1 };
    expect(ids((await listCustomerOverview(ctx, filters({ health: "missed" }), { now })).rows)).toEqual([missed.userId]);
    expect(ids((await listCustomerOverview(ctx, filters({ health: "failed,missed", sort: "name" }), { now })).rows).sort()).toEqual([w.customerA.userId, missed.userId].sort());
    expect(ids((await listCustomerOverview(ctx, filters({ usage: "90" }), { now })).rows)).toEqual([healthy.userId]);
    // A customer without accounts is in no health state (MariaDB may merge the derived table and
    // evaluate the health CASE over the outer join's NULLs, which reads as "new").
    expect(ids((await listCustomerOverview(ctx, filters({ health: "new" }), { now })).rows)).toEqual([]);
    expect(ids((await listCustomerOverview(ctx, filters({ q: `healthy-${w.tag}` }), { now })).rows)).toEqual([healthy.userId]);
    expect(ids((await listCustomerOverview(ctx, filters({ q: healthy.login.toUpperCase() }), { now })).rows)).toEqual([healthy.userId]);
    // LIKE wildcards in the search are literal characters.
    expect((await listCustomerOverview(ctx, filters({ q: "%" }), { now })).rows).toEqual([]);
  });

  it("sorts worst health first by default, and by every other key both ways", async () => {
    const ctx = { db, actor: w.reseller1 };
    expect(ids((await listCustomerOverview(ctx, filters(), { now })).rows)).toEqual([missed.userId, w.customerA.userId, healthy.userId, empty.userId]);
    expect(ids((await listCustomerOverview(ctx, filters({ sort: "usage", dir: "desc" }), { now })).rows)[0]).toBe(healthy.userId);
    expect(ids((await listCustomerOverview(ctx, filters({ sort: "failures", dir: "desc" }), { now })).rows)[0]).toBe(w.customerA.userId);
    const stalest = ids((await listCustomerOverview(ctx, filters({ sort: "lastSuccess" }), { now })).rows);
    expect(stalest.indexOf(empty.userId)).toBe(0);
    expect(stalest.indexOf(missed.userId)).toBeLessThan(stalest.indexOf(healthy.userId));
    const names = (await listCustomerOverview(ctx, filters({ sort: "name", dir: "desc" }), { now })).rows.map((r) => r.name);
    expect(names).toEqual([...names].sort().reverse());
  });

  it("pages with a total", async () => {
    const ctx = { db, actor: w.reseller1 };
    const first = await listCustomerOverview(ctx, filters({ sort: "name" }), { now, pageSize: 3 });
    const second = await listCustomerOverview(ctx, filters({ sort: "name", page: "2" }), { now, pageSize: 3 });
    expect([first.rows.length, second.rows.length, first.total, second.total]).toEqual([3, 1, 4, 4]);
    expect(new Set([...ids(first.rows), ...ids(second.rows)]).size).toBe(4);
    expect(await listCustomerOverview(ctx, filters({ page: "9" }), { now, pageSize: 3 })).toMatchObject({ rows: [], total: 4 });
  });

  it("is scoped: another reseller and customers see none of R1's customers; an admin filters by reseller", async () => {
    expect(ids((await listCustomerOverview({ db, actor: w.reseller2 }, filters(), { now })).rows)).toEqual([w.customerB.userId]);
    // A reseller cannot widen its scope with the reseller filter.
    expect(ids((await listCustomerOverview({ db, actor: w.reseller2 }, filters({ reseller: String(w.r1) }), { now })).rows)).toEqual([w.customerB.userId]);
    expect((await listCustomerOverview({ db, actor: w.customerA }, filters(), { now })).rows).toEqual([]);
    const admin = await listCustomerOverview({ db, actor: w.admin }, filters({ reseller: String(w.r1) }), { now });
    expect(ids(admin.rows).sort()).toEqual([w.customerA.userId, healthy.userId, missed.userId, empty.userId].sort());
    expect(admin.rows.every((r) => r.resellerId === w.r1)).toBe(true);
  });
});

describe("parseCustomerFilters", () => {
  it("reads a shared link and names what it ignored", () => {
    expect(parseCustomerFilters(new URLSearchParams("q=acme&health=failed,missed&usage=90&sort=usage&dir=desc&page=3&reseller=4"))).toEqual({
      filters: { q: "acme", health: ["failed", "missed"], minUsagePercent: 90, sort: "usage", dir: "desc", page: 3, resellerId: 4 },
      problems: [],
    });
    const { filters: f, problems } = parseCustomerFilters({ health: "broken", usage: "-5", sort: "password", dir: "up", page: "0", reseller: "x" });
    expect(f).toEqual({ health: [], sort: "health", dir: "asc", page: 1 });
    expect(problems).toHaveLength(6);
    expect(problems[0]).toContain("broken");
  });
});
