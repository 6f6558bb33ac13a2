import { eq } from "drizzle-orm";
import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { backupAccounts } from "../../../db/schema";
import { openTestDatabase } from "../../../test/db";
import { readAccountCache } from "./account-cache";
import { repositoryRoot } from "./account-paths";
import { createAccountDirectory } from "./account-directory";
import { createAccount } from "./create-account";
import { resetAccountPassword } from "./reset-account-password";
import { resumeAccount, suspendAccount } from "./set-account-status";
import { accountWorld, openDeadDatabase, password, testActor } from "./test-support/account-world";

const db = openTestDatabase();
const deadDb = openDeadDatabase();
let world: Awaited<ReturnType<typeof accountWorld>>;
beforeAll(async () => {
  world = await accountWorld(db);
});

async function newAccount(deviceIndex: 0 | 1 = 0) {
  const loginName = world.login();
  const device = world.devices[deviceIndex]!;
  await createAccount(
    db,
    { loginName, password, resellerId: world.resellerId, customerUserId: world.customer.userId, deviceId: device.id, quotaBytes: 2 ** 30 },
    world.devices,
    { actor: testActor },
  );
  return { loginName, device };
}

// The three ways a daemon can be: MySQL up, MySQL unreachable, started without a database.
const modes = [
  ["MySQL up", () => db],
  ["MySQL unreachable", () => deadDb],
  ["no database", () => null],
] as const;

describe.each(modes)("authenticate (%s)", (_mode, handle) => {
  const directory = () => createAccountDirectory({ db: handle(), devices: world.devices });

  it("accepts the right password and names the repository on the account's device", async () => {
    const { loginName, device } = await newAccount(1);
    const result = await directory().authenticate(loginName, password);
    expect(result).toMatchObject({ ok: true, account: { loginName, status: "active", quotaBytes: 2 ** 30 }, deviceRoot: device.root });
    expect(result.ok && result.repositoryRoot).toBe(path.join(device.root, "accounts", loginName, "repo"));
  });

  it("answers a wrong password and an unknown login the same way", async () => {
    const { loginName } = await newAccount();
    expect(await directory().authenticate(loginName, "wrong password here")).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await directory().authenticate(`${loginName}-nobody`, password)).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("refuses a suspended account, but tells only the holder of the right password", async () => {
    const { loginName } = await newAccount();
    await suspendAccount(db, loginName, world.devices, { actor: testActor });
    expect(await directory().authenticate(loginName, password)).toEqual({ ok: false, reason: "suspended" });
    expect(await directory().authenticate(loginName, "wrong password here")).toEqual({ ok: false, reason: "invalid_credentials" });
    await resumeAccount(db, loginName, world.devices, { actor: testActor });
    expect(await directory().authenticate(loginName, password)).toMatchObject({ ok: true });
  });

  it("follows a password reset", async () => {
    const { loginName } = await newAccount();
    await resetAccountPassword(db, { loginName, password: "the new password 123" }, world.devices, { actor: testActor });
    expect(await directory().authenticate(loginName, password)).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await directory().authenticate(loginName, "the new password 123")).toMatchObject({ ok: true });
  });

  it("does not trust a cache left on a device the account no longer lives on", async () => {
    const { loginName, device } = await newAccount(0);
    const other = world.devices[1]!;
    // A copy of the cache on the other device (the source of a finished move, say).
    await fs.cp(path.join(device.root, "accounts", loginName), path.join(other.root, "accounts", loginName), { recursive: true });
    await fs.rm(path.join(device.root, "accounts", loginName, "account.json"));
    const onlyOther = createAccountDirectory({ db: handle(), devices: [other] });
    expect(await onlyOther.authenticate(loginName, password)).toEqual({ ok: false, reason: "invalid_credentials" });
  });
});

describe("authenticate with MySQL up", () => {
  it("refreshes a stale or missing cache from MySQL", async () => {
    const { loginName, device } = await newAccount();
    await db.update(backupAccounts).set({ usedBytes: 12345, status: "moving" }).where(eq(backupAccounts.loginName, loginName));
    await fs.rm(path.join(device.root, "accounts", loginName, "account.json"));
    expect(await createAccountDirectory({ db, devices: world.devices }).authenticate(loginName, password)).toMatchObject({ ok: true, account: { status: "moving", usedBytes: 12345 } });
    expect(await readAccountCache(device.root, loginName)).toMatchObject({ kind: "found", cache: { usedBytes: 12345, status: "moving" } });
  });

  it("believes MySQL over the cache: an account on a device this server does not mount is refused", async () => {
    const { loginName, device } = await newAccount(0);
    const other = world.devices[1]!;
    await db.update(backupAccounts).set({ storageDeviceId: other.id }).where(eq(backupAccounts.loginName, loginName));
    expect(await createAccountDirectory({ db, devices: [device] }).authenticate(loginName, password)).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("stops asking an unreachable MySQL for a while after it failed, and warns once", async () => {
    const { loginName } = await newAccount();
    const onWarning = vi.fn();
    const directory = createAccountDirectory({ db: deadDb, devices: world.devices, onWarning });
    for (let i = 0; i < 3; i++) expect(await directory.authenticate(loginName, password)).toMatchObject({ ok: true });
    expect(onWarning).toHaveBeenCalledTimes(1);
    expect(onWarning.mock.calls[0]?.[0]).toMatch(/unreachable/);
  });
});

describe("authenticate: login names", () => {
  it.each(["../etc", "..", "a/b", "Upper-case", "ab", "-leading", ".hidden", "a%2e%2e", "nul\0name", "x".repeat(65), ""])(
    "refuses %j without asking MySQL or touching a device",
    async (name) => {
      const onWarning = vi.fn();
      // Both would warn if used: the database is dead and the device root is a file, not a directory.
      const file = path.join(world.base, "not-a-directory");
      await fs.writeFile(file, "");
      const directory = createAccountDirectory({ db: deadDb, devices: [{ id: world.devices[0]!.id, root: file }], onWarning });
      expect(await directory.authenticate(name, password)).toEqual({ ok: false, reason: "invalid_credentials" });
      expect(await directory.refresh(name)).toBeNull();
      expect(onWarning).not.toHaveBeenCalled();
    },
  );
});

describe("authenticate: timing", () => {
  it("spends one argon2 verification on an unknown login as on a wrong password", async () => {
    const { loginName } = await newAccount();
    const directory = createAccountDirectory({ db, devices: world.devices });
    const time = async (login: string) => {
      const start = performance.now();
      await directory.authenticate(login, "wrong password here");
      return performance.now() - start;
    };
    // Interleaved, after a warm-up of both paths, so JIT and allocator warm-up hit neither side.
    const wrongPassword: number[] = [];
    const unknownLogin: number[] = [];
    for (let i = 0; i < 9; i++) {
      const [a, b] = [await time(loginName), await time(`${loginName}-unknown`)];
      if (i >= 2) wrongPassword.push(a);
      if (i >= 2) unknownLogin.push(b);
    }
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknownLogin) / median(wrongPassword);
    // A skipped verification would make the ratio about 0.1 (a 1 ms query against an ~8-40 ms
    // hash); the bounds leave room for a busy machine without letting that through.
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });
});

describe("refresh", () => {
  it("returns the current record (from MySQL, else the cache) and repository, or null when unknown", async () => {
    const { loginName, device } = await newAccount();
    await db.update(backupAccounts).set({ usedBytes: 777 }).where(eq(backupAccounts.loginName, loginName));
    const current = { account: expect.objectContaining({ usedBytes: 777 }), repositoryRoot: repositoryRoot(device.root, loginName) };
    expect(await createAccountDirectory({ db, devices: world.devices }).refresh(loginName)).toEqual(current);
    expect(await createAccountDirectory({ db: null, devices: world.devices }).refresh(loginName)).toEqual(current);
    expect(await createAccountDirectory({ db, devices: world.devices }).refresh(`${loginName}-x`)).toBeNull();
  });
});
