import { and, eq } from "drizzle-orm";
import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, backupAccounts } from "../../../db/schema";
import { openTestDatabase } from "../../../test/db";
import { verifyPassword } from "../../auth/password";
import { readAccountCache } from "./account-cache";
import { AccountError } from "./account-errors";
import { createAccount } from "./create-account";
import { accountWorld, password, testActor } from "./test-support/account-world";

const db = openTestDatabase();
let world: Awaited<ReturnType<typeof accountWorld>>;
beforeAll(async () => {
  world = await accountWorld(db);
});

const input = (loginName: string, overrides: Partial<Parameters<typeof createAccount>[1]> = {}) => ({
  loginName,
  password,
  resellerId: world.resellerId,
  customerUserId: world.customer.userId,
  deviceId: world.devices[0]!.id,
  quotaBytes: 100 * 2 ** 30,
  expectedIntervalHours: 24,
  ...overrides,
});

describe("createAccount", () => {
  it("writes the row (argon2id), the audit row, the repository directory and the cache", async () => {
    const login = world.login();
    const result = await createAccount(db, input(login), world.devices, { actor: testActor });
    expect(result).toMatchObject({ created: true, cache: "written", account: { loginName: login, status: "active", usedBytes: 0 } });

    const [row] = await db.select().from(backupAccounts).where(eq(backupAccounts.loginName, login));
    expect(row).toMatchObject({ storageDeviceId: world.devices[0]!.id, quotaBytes: 100 * 2 ** 30, expectedIntervalHours: 24, status: "active" });
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row!.passwordHash, password)).toBe(true);

    const cache = await readAccountCache(world.devices[0]!.root, login);
    expect(cache).toMatchObject({ kind: "found", cache: { accountId: row!.id, deviceId: world.devices[0]!.id, passwordHash: row!.passwordHash, status: "active" } });
    expect((await fs.stat(path.join(world.devices[0]!.root, "accounts", login, "repo"))).isDirectory()).toBe(true);
    expect((await fs.stat(path.join(world.devices[0]!.root, "accounts", login, "account.json"))).mode & 0o777).toBe(0o600);

    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.targetType, "account"), eq(auditEvents.targetId, String(row!.id))));
    expect(audits).toEqual([expect.objectContaining({ action: "account.create", actorUserId: null, resellerId: world.resellerId })]);
    expect(audits[0]?.details).toMatchObject({ actor: "admin-cli", osUser: "tester", loginName: login });
    expect(JSON.stringify(audits[0]?.details)).not.toContain(password);
  });

  it("finishes a run that crashed after the row: a re-run with the same request writes the cache", async () => {
    const login = world.login();
    await createAccount(db, input(login), world.devices, { actor: testActor });
    await fs.rm(path.join(world.devices[0]!.root, "accounts", login), { recursive: true });

    const again = await createAccount(db, input(login), world.devices, { actor: testActor });
    expect(again).toMatchObject({ created: false, cache: "written" });
    expect((await readAccountCache(world.devices[0]!.root, login)).kind).toBe("found");
    expect(await db.select().from(backupAccounts).where(eq(backupAccounts.loginName, login))).toHaveLength(1);
  });

  it("refuses a duplicate login with another password or device", async () => {
    const login = world.login();
    await createAccount(db, input(login), world.devices, { actor: testActor });
    await expect(createAccount(db, input(login, { password: "another password entirely" }), world.devices, { actor: testActor })).rejects.toMatchObject({ code: "duplicate_login" });
    await expect(createAccount(db, input(login, { deviceId: world.devices[1]!.id }), world.devices, { actor: testActor })).rejects.toMatchObject({ code: "duplicate_login" });
  });

  it("refuses two concurrent creations of one login: exactly one wins", async () => {
    const login = world.login();
    const results = await Promise.allSettled([
      createAccount(db, input(login), world.devices, { actor: testActor }),
      createAccount(db, input(login, { password: "a different password" }), world.devices, { actor: testActor }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: "duplicate_login" });
  });

  it("refuses an unknown customer, a customer of another reseller, bad quotas and short passwords", async () => {
    const refuse = (overrides: Partial<Parameters<typeof createAccount>[1]>, code: string) =>
      expect(createAccount(db, input(world.login(), overrides), world.devices, { actor: testActor })).rejects.toMatchObject({ code });
    await refuse({ customerUserId: 999_999_999 }, "unknown_customer");
    await refuse({ resellerId: world.resellerId + 1_000_000 }, "unknown_customer");
    await refuse({ quotaBytes: -1 }, "invalid_quota");
    await refuse({ quotaBytes: 1.5 }, "invalid_quota");
    await refuse({ password: "short" }, "invalid_password");
  });

  it("writes nothing when the device directory is missing (an unmounted device)", async () => {
    const login = world.login();
    const gone = [{ id: world.devices[0]!.id, root: path.join(world.base, "not-mounted") }];
    const error = await createAccount(db, input(login), gone, { actor: testActor }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountError);
    expect(error).toMatchObject({ code: "device_not_mounted" });
    expect(await db.select().from(backupAccounts).where(eq(backupAccounts.loginName, login))).toEqual([]);
    await expect(fs.stat(gone[0]!.root)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
