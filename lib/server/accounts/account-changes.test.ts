import { and, desc, eq } from "drizzle-orm";
import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, backupAccounts } from "../../../db/schema";
import { openTestDatabase } from "../../../test/db";
import { verifyPassword } from "../../auth/password";
import { readAccountCache } from "./account-cache";
import { createAccount } from "./create-account";
import { resetAccountPassword } from "./reset-account-password";
import { resumeAccount, suspendAccount } from "./set-account-status";
import { setQuota } from "./set-account-quota";
import { accountWorld, password, testActor } from "./test-support/account-world";

const db = openTestDatabase();
let world: Awaited<ReturnType<typeof accountWorld>>;
beforeAll(async () => {
  world = await accountWorld(db);
});

async function newAccount() {
  const loginName = world.login();
  const { account } = await createAccount(
    db,
    { loginName, password, resellerId: world.resellerId, customerUserId: world.customer.userId, deviceId: world.devices[0]!.id, quotaBytes: 2 ** 30 },
    world.devices,
    { actor: testActor },
  );
  return { loginName, accountId: account.accountId, root: world.devices[0]!.root };
}

const cacheOf = async (root: string, loginName: string) => {
  const read = await readAccountCache(root, loginName);
  if (read.kind !== "found") throw new Error(`no cache for ${loginName}`);
  return read.cache;
};
const auditsOf = (accountId: number) =>
  db.select().from(auditEvents).where(and(eq(auditEvents.targetType, "account"), eq(auditEvents.targetId, String(accountId)))).orderBy(desc(auditEvents.id));

describe("account changes", () => {
  it("reset-password: new hash in MySQL and the cache, an audit row without the password", async () => {
    const { loginName, accountId, root } = await newAccount();
    const result = await resetAccountPassword(db, { loginName, password: "brand new password!" }, world.devices, { actor: testActor });
    expect(result).toMatchObject({ changed: true, cache: "written" });
    const cache = await cacheOf(root, loginName);
    expect(await verifyPassword(cache.passwordHash, "brand new password!")).toBe(true);
    const [row] = await db.select().from(backupAccounts).where(eq(backupAccounts.id, accountId));
    expect(row?.passwordHash).toBe(cache.passwordHash);
    const [audit] = await auditsOf(accountId);
    expect(audit).toMatchObject({ action: "account.password.reset", resellerId: world.resellerId });
    expect(JSON.stringify(audit?.details)).not.toMatch(/brand new|argon2/);
  });

  it("suspend and resume: status in MySQL and the cache, audited once each, repeats change nothing", async () => {
    const { loginName, accountId, root } = await newAccount();
    expect(await suspendAccount(db, loginName, world.devices, { actor: testActor, reason: "unpaid" })).toMatchObject({ changed: true, account: { status: "suspended" } });
    expect((await cacheOf(root, loginName)).status).toBe("suspended");
    expect(await suspendAccount(db, loginName, world.devices, { actor: testActor })).toMatchObject({ changed: false, cache: "unchanged" });
    expect(await resumeAccount(db, loginName, world.devices, { actor: testActor })).toMatchObject({ changed: true, account: { status: "active" } });
    expect((await cacheOf(root, loginName)).status).toBe("active");
    expect((await auditsOf(accountId)).map((a) => a.action)).toEqual(["account.resume", "account.suspend", "account.create"]);
    expect((await auditsOf(accountId))[1]?.details).toMatchObject({ reason: "unpaid", actor: "admin-cli", osUser: "tester" });
  });

  it("refuses to suspend or resume an account that is being moved", async () => {
    const { loginName } = await newAccount();
    await db.update(backupAccounts).set({ status: "moving" }).where(eq(backupAccounts.loginName, loginName));
    await expect(suspendAccount(db, loginName, world.devices, { actor: testActor })).rejects.toMatchObject({ code: "account_moving" });
    await expect(resumeAccount(db, loginName, world.devices, { actor: testActor })).rejects.toMatchObject({ code: "account_moving" });
  });

  it("set-quota: MySQL, cache and an audit row with both values", async () => {
    const { loginName, accountId, root } = await newAccount();
    await setQuota(db, { loginName, quotaBytes: 5 * 2 ** 30 }, world.devices, { actor: testActor });
    expect((await cacheOf(root, loginName)).quotaBytes).toBe(5 * 2 ** 30);
    expect((await auditsOf(accountId))[0]).toMatchObject({ action: "account.quota.update", details: expect.objectContaining({ fromBytes: 2 ** 30, toBytes: 5 * 2 ** 30 }) });
    await expect(setQuota(db, { loginName, quotaBytes: -5 }, world.devices, { actor: testActor })).rejects.toMatchObject({ code: "invalid_quota" });
  });

  it("names an unknown account and an invalid login", async () => {
    await expect(suspendAccount(db, `${world.tag}-nobody`, world.devices, { actor: testActor })).rejects.toMatchObject({ code: "unknown_account" });
    await expect(suspendAccount(db, "../../etc", world.devices, { actor: testActor })).rejects.toMatchObject({ code: "invalid_login" });
  });

  it("commits the change and reports a cache it could not write (device gone)", async () => {
    const { loginName } = await newAccount();
    const gone = [{ id: world.devices[0]!.id, root: path.join(world.base, "unmounted") }];
    const result = await suspendAccount(db, loginName, gone, { actor: testActor });
    expect(result).toMatchObject({ changed: true, cache: "failed" });
    const [row] = await db.select({ status: backupAccounts.status }).from(backupAccounts).where(eq(backupAccounts.loginName, loginName));
    expect(row?.status).toBe("suspended");
    await expect(fs.stat(gone[0]!.root)).rejects.toMatchObject({ code: "ENOENT" });
    // The re-run repairs the cache even though MySQL needs no change.
    expect(await suspendAccount(db, loginName, world.devices, { actor: testActor })).toMatchObject({ changed: false, cache: "written" });
  });
});
