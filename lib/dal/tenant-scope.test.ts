import { beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db";
import { createWorld } from "../../test/world";
import { getAccount } from "./accounts/get-account";
import { listAccounts } from "./accounts/list-accounts";
import { listActivities } from "./activities/list-activities";
import { getCustomer } from "./customers/get-customer";
import { defaultCustomerFilters } from "./customers/customer-filters";
import { listCustomerOverview } from "./customers/list-customer-overview";
import { getReseller } from "./resellers/get-reseller";
import { listResellers } from "./resellers/list-resellers";

const db = openTestDatabase();
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  w = await createWorld(db);
});

const ctx = (actor: typeof w.admin) => ({ db, actor });
const listCustomers = async (c: ReturnType<typeof ctx>, filter: { resellerId?: number } = {}) => (await listCustomerOverview(c, { ...defaultCustomerFilters, ...filter })).rows;

describe("accounts are scoped to the actor's tenant", () => {
  it("a customer sees only its own accounts, with the latest activity and last success", async () => {
    const rows = await listAccounts(ctx(w.customerA));
    expect(rows.map((r) => r.id)).toEqual([w.accountA]);
    expect(rows[0]?.lastActivity?.status).toBe("failed");
    expect(rows[0]?.lastActivity?.summary).toBe("Network connection lost");
    expect(rows[0]?.lastSuccessAt).toBeInstanceOf(Date);
  });

  it("a reseller sees its customers' accounts and none of another reseller's", async () => {
    const ids = (await listAccounts(ctx(w.reseller1))).map((r) => r.id);
    expect(ids).toContain(w.accountA);
    expect(ids).not.toContain(w.accountB);
  });

  it("an admin sees every tenant's accounts", async () => {
    const ids = (await listAccounts(ctx(w.admin))).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([w.accountA, w.accountB]));
  });

  it("getAccount answers null for another tenant's account, as for an unknown id", async () => {
    expect(await getAccount(ctx(w.customerA), w.accountA)).not.toBeNull();
    expect(await getAccount(ctx(w.customerA), w.accountB)).toBeNull();
    expect(await getAccount(ctx(w.customerB), w.accountA)).toBeNull();
    expect(await getAccount(ctx(w.reseller2), w.accountA)).toBeNull();
    expect(await getAccount(ctx(w.reseller1), w.accountA)).not.toBeNull();
    expect(await getAccount(ctx(w.admin), w.accountB)).not.toBeNull();
    expect(await getAccount(ctx(w.admin), 987_654_321)).toBeNull();
  });

  it("an account's activities come newest first", async () => {
    const page = await listActivities(db, w.reseller1, { accountId: w.accountA, sort: "newest" });
    expect(page.rows.map((a) => a.status)).toEqual(["failed", "success"]);
  });
});

describe("customers are scoped to the reseller", () => {
  it("a reseller lists only its own customers, with failure counts", async () => {
    const rows = await listCustomers(ctx(w.reseller1));
    expect(rows.map((r) => r.id)).toEqual([w.customerA.userId]);
    expect(rows[0]?.failures7d).toBe(1);
    expect(rows[0]?.accounts).toBe(1);
  });

  it("a customer lists no customers and cannot open one", async () => {
    expect(await listCustomers(ctx(w.customerA))).toEqual([]);
    expect(await getCustomer(ctx(w.customerA), w.customerA.userId)).toBeNull();
  });

  it("getCustomer answers null across tenants and for non-customer users", async () => {
    expect(await getCustomer(ctx(w.reseller1), w.customerA.userId)).not.toBeNull();
    expect(await getCustomer(ctx(w.reseller1), w.customerB.userId)).toBeNull();
    expect(await getCustomer(ctx(w.admin), w.customerB.userId)).not.toBeNull();
    expect(await getCustomer(ctx(w.admin), w.reseller1.userId)).toBeNull();
  });

  it("an admin filters customers by reseller", async () => {
    const ids = (await listCustomers(ctx(w.admin), { resellerId: w.r2 })).map((r) => r.id);
    expect(ids).toEqual([w.customerB.userId]);
  });
});

describe("resellers are visible to admins only", () => {
  it("an admin lists and opens resellers with their sizes", async () => {
    const rows = await listResellers(ctx(w.admin));
    const r1 = rows.find((r) => r.id === w.r1);
    expect(r1).toMatchObject({ customers: 1, accounts: 1, usedBytes: 5e9 });
    expect(await getReseller(ctx(w.admin), w.r2)).not.toBeNull();
  });

  it("resellers and customers see no reseller, not even their own", async () => {
    for (const actor of [w.reseller1, w.customerA]) {
      expect(await listResellers(ctx(actor))).toEqual([]);
      expect(await getReseller(ctx(actor), w.r1)).toBeNull();
    }
  });
});
