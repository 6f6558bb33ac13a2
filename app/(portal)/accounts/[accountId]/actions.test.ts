import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, backupAccounts } from "@/db/schema";
import { actionRequest, form } from "@/test/action-harness";
import { openTestDatabase } from "@/test/db";
import { createWorld } from "@/test/world";

// The real handlers on the real database; only Next's request context is stood in for.
vi.mock("@/lib/auth/session", async () => (await import("@/test/action-harness")).sessionMock());
vi.mock("next/headers", async () => (await import("@/test/action-harness")).headersMock());
vi.mock("next/cache", async () => (await import("@/test/action-harness")).cacheMock());
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => actionRequest.db }));

const { resetBackupPassword, updateAccountInterval, updateAccountQuota, updateAccountStatus } = await import("./actions");

const db = openTestDatabase();
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  w = await createWorld(db);
  actionRequest.db = db;
});
const account = async (id: number) => (await db.select().from(backupAccounts).where(eq(backupAccounts.id, id)))[0]!;
const auditCount = async (id: number) => (await db.select().from(auditEvents).where(and(eq(auditEvents.targetType, "account"), eq(auditEvents.targetId, String(id))))).length;

describe("account settings actions", () => {
  it("a reseller sets its customer's quota and interval, audited with the request's address", async () => {
    actionRequest.actor = w.reseller1;
    expect(await updateAccountQuota(undefined, form({ accountId: w.accountA, quota: "250G" }))).toEqual({ ok: true, message: "Quota saved." });
    expect(await updateAccountInterval(undefined, form({ accountId: w.accountA, interval: "7d" }))).toEqual({ ok: true, message: "Expected interval saved." });
    expect(await account(w.accountA)).toMatchObject({ quotaBytes: 250 * 2 ** 30, expectedIntervalHours: 168 });
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.targetType, "account"), eq(auditEvents.targetId, String(w.accountA)))).orderBy(auditEvents.id).limit(1);
    expect(event).toMatchObject({ action: "account.quota.update", actorUserId: w.reseller1.userId, ip: "203.0.113.50" });
  });

  it("another reseller's change answers Not found and nothing changes", async () => {
    actionRequest.actor = w.reseller2;
    const before = await account(w.accountA);
    const audits = await auditCount(w.accountA);
    for (const result of [
      await updateAccountQuota(undefined, form({ accountId: w.accountA, quota: "1G" })),
      await updateAccountInterval(undefined, form({ accountId: w.accountA, interval: "1h" })),
      await updateAccountStatus(undefined, form({ accountId: w.accountA, status: "suspend" })),
      await resetBackupPassword(undefined, form({ accountId: w.accountA })),
    ])
      expect(result).toEqual({ ok: false, error: "Not found." });
    expect(await account(w.accountA)).toEqual(before);
    expect(await auditCount(w.accountA)).toBe(audits);
  });

  it("a customer is refused before any lookup, even on its own account", async () => {
    actionRequest.actor = w.customerA;
    expect(await updateAccountStatus(undefined, form({ accountId: w.accountA, status: "suspend" }))).toEqual({ ok: false, error: "Not found." });
    expect((await account(w.accountA)).status).toBe("active");
  });

  it("bad input gets a clear error and changes nothing", async () => {
    actionRequest.actor = w.reseller1;
    const before = await account(w.accountA);
    expect(await updateAccountQuota(undefined, form({ accountId: w.accountA, quota: "-10G" }))).toMatchObject({ ok: false, error: "The quota cannot be negative.", fieldErrors: { quota: ["The quota cannot be negative."] } });
    expect(await updateAccountQuota(undefined, form({ accountId: w.accountA, quota: "5P" }))).toMatchObject({ ok: false, error: "The quota can be at most 1 PiB (1024T)." });
    expect(await updateAccountInterval(undefined, form({ accountId: w.accountA, interval: "400d" }))).toMatchObject({ ok: false, error: "The expected interval must be between 1 hour and 365 days." });
    expect(await updateAccountStatus(undefined, form({ accountId: w.accountA, status: "delete" }))).toMatchObject({ ok: false, error: "Choose suspend or resume." });
    expect(await updateAccountQuota(undefined, form({ accountId: "abc", quota: "1G" }))).toMatchObject({ ok: false, error: "Not found." });
    expect(await account(w.accountA)).toEqual(before);
  });

  it("suspends and resumes; the password reset shows the new password once", async () => {
    actionRequest.actor = w.admin;
    expect(await updateAccountStatus(undefined, form({ accountId: w.accountB, status: "suspend" }))).toMatchObject({ ok: true, message: expect.stringContaining("suspended") });
    expect((await account(w.accountB)).status).toBe("suspended");
    expect(await updateAccountStatus(undefined, form({ accountId: w.accountB, status: "resume" }))).toEqual({ ok: true, message: "Account resumed." });
    const result = await resetBackupPassword(undefined, form({ accountId: w.accountB }));
    expect(result).toMatchObject({ ok: true, secret: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/) });
  });
});
