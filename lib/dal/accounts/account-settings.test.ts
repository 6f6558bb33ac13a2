import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, backupAccounts } from "../../../db/schema";
import { openTestDatabase } from "../../../test/db";
import { createWorld } from "../../../test/world";
import { verifyPassword } from "../../auth/password";
import type { Actor } from "../../auth/actor";
import { resetAccountPassword } from "./reset-account-password";
import { setAccountInterval } from "./set-account-interval";
import { setAccountQuota } from "./set-account-quota";
import { setAccountSuspended } from "./set-account-status";

const db = openTestDatabase();
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  w = await createWorld(db);
});

const origin = { ip: "203.0.113.7" };
const ctx = (actor: Actor) => ({ db, actor });
const row = async (id: number) => (await db.select().from(backupAccounts).where(eq(backupAccounts.id, id)))[0]!;
const audits = (id: number) => db.select().from(auditEvents).where(and(eq(auditEvents.targetType, "account"), eq(auditEvents.targetId, String(id)))).orderBy(auditEvents.id);
const details = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) as Record<string, unknown>;

describe("account settings are scoped in the UPDATE", () => {
  it("another reseller, a customer (even the owner) and an unknown id get Not found, and nothing changes", async () => {
    const before = await row(w.accountA);
    const auditCount = (await audits(w.accountA)).length;
    const attempts: [Actor, number][] = [
      [w.reseller2, w.accountA],
      [w.customerA, w.accountA],
      [w.customerB, w.accountA],
      [w.reseller1, 987_654_321],
    ];
    for (const [actor, id] of attempts) {
      await expect(setAccountQuota(ctx(actor), id, 1, origin)).rejects.toMatchObject({ code: "not_found", message: "Not found." });
      await expect(setAccountInterval(ctx(actor), id, 1, origin)).rejects.toMatchObject({ code: "not_found" });
      await expect(setAccountSuspended(ctx(actor), id, true, origin)).rejects.toMatchObject({ code: "not_found" });
      await expect(resetAccountPassword(ctx(actor), id, origin)).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await row(w.accountA)).toEqual(before);
    expect(await audits(w.accountA)).toHaveLength(auditCount);
  });
});

describe("account settings write an audit row in the same transaction", () => {
  it("quota: changed and audited with from/to, actor, reseller and address; the same value is a no-op", async () => {
    expect(await setAccountQuota(ctx(w.reseller1), w.accountA, 2e11, origin)).toEqual({ changed: true });
    expect((await row(w.accountA)).quotaBytes).toBe(2e11);
    const [event] = (await audits(w.accountA)).filter((e) => e.action === "account.quota.update");
    expect(event).toMatchObject({ actorUserId: w.reseller1.userId, resellerId: w.r1, ip: "203.0.113.7", targetType: "account" });
    expect(details(event?.details)).toMatchObject({ fromBytes: 1e11, toBytes: 2e11, actorLogin: w.reseller1.login });
    const count = (await audits(w.accountA)).length;
    expect(await setAccountQuota(ctx(w.reseller1), w.accountA, 2e11, origin)).toEqual({ changed: false });
    expect(await audits(w.accountA)).toHaveLength(count);
  });

  it("interval: set and cleared; an admin changes any tenant's account", async () => {
    await setAccountInterval(ctx(w.admin), w.accountB, 48, origin);
    expect((await row(w.accountB)).expectedIntervalHours).toBe(48);
    await setAccountInterval(ctx(w.reseller2), w.accountB, null, origin);
    expect((await row(w.accountB)).expectedIntervalHours).toBeNull();
    const events = (await audits(w.accountB)).filter((e) => e.action === "account.interval.update");
    expect(events.map((e) => [e.actorUserId, e.resellerId, details(e.details).toHours])).toEqual([
      [w.admin.userId, w.r2, 48],
      [w.reseller2.userId, w.r2, null],
    ]);
  });

  it("suspend and resume, each audited once; a moving account is refused", async () => {
    await setAccountSuspended(ctx(w.reseller1), w.accountA, true, origin);
    expect((await row(w.accountA)).status).toBe("suspended");
    expect(await setAccountSuspended(ctx(w.reseller1), w.accountA, true, origin)).toEqual({ changed: false });
    await setAccountSuspended(ctx(w.reseller1), w.accountA, false, origin);
    expect((await row(w.accountA)).status).toBe("active");
    const actions = (await audits(w.accountA)).map((e) => e.action).filter((a) => a.startsWith("account.s") || a === "account.resume");
    expect(actions).toEqual(["account.suspend", "account.resume"]);

    await db.update(backupAccounts).set({ status: "moving" }).where(eq(backupAccounts.id, w.accountB));
    await expect(setAccountSuspended(ctx(w.reseller2), w.accountB, true, origin)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("being moved") });
    expect((await row(w.accountB)).status).toBe("moving");
    await db.update(backupAccounts).set({ status: "active" }).where(eq(backupAccounts.id, w.accountB));
  });

  it("password reset: a generated password, stored as argon2id, never in the audit row", async () => {
    const { password } = await resetAccountPassword(ctx(w.reseller1), w.accountA, origin);
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const stored = await row(w.accountA);
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored.passwordHash, password)).toBe(true);
    const events = await audits(w.accountA);
    const reset = events.find((e) => e.action === "account.password.reset");
    expect(reset).toMatchObject({ actorUserId: w.reseller1.userId });
    const trail = JSON.stringify(events);
    expect(trail).not.toContain(password);
    expect(trail).not.toContain(stored.passwordHash);
  });
});
