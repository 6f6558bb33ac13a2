import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { backupAccounts } from "../../../db/schema";
import { openTestDatabase } from "../../../test/db";
import { createAccount, createAccountDirectory, resetAccountPassword, suspendAccount, type AccountDirectory } from "../accounts";
import { accountWorld, password, testActor } from "../accounts/test-support/account-world";
import { createRequestAuthenticator } from "./authenticate-request";

const db = openTestDatabase();
let world: Awaited<ReturnType<typeof accountWorld>>;
beforeAll(async () => {
  world = await accountWorld(db);
});

const basic = (login: string, pw: string) => `Basic ${Buffer.from(`${login}:${pw}`).toString("base64")}`;

/** The real account directory on MariaDB, counting full checks (argon2id) and record reads. */
async function setup() {
  const loginName = world.login("auth");
  await createAccount(db, { loginName, password, resellerId: world.resellerId, customerUserId: world.customer.userId, deviceId: world.devices[0]!.id, quotaBytes: 2 ** 30 }, world.devices, { actor: testActor });
  const directory = createAccountDirectory({ db, devices: world.devices });
  const counted = { full: 0, refresh: 0 };
  const accounts: Pick<AccountDirectory, "authenticate" | "refresh"> = {
    authenticate: (login, pw) => {
      counted.full += 1;
      return directory.authenticate(login, pw);
    },
    refresh: (login) => {
      counted.refresh += 1;
      return directory.refresh(login);
    },
  };
  let clock = 1_000_000;
  const auth = createRequestAuthenticator(accounts, { recordMs: 30_000, now: () => clock });
  return { loginName, auth, counted, advance: (ms: number) => (clock += ms) };
}

describe("request authentication", () => {
  it("verifies a password once: later sessions and expired records re-read the account without argon2", async () => {
    const { loginName, auth, counted, advance } = await setup();
    await auth.authenticate(basic(loginName, password), { fresh: true });
    await auth.authenticate(basic(loginName, password));
    advance(31_000);
    // Before, the 30 s cache expiry meant a full argon2id verification for every later session.
    await auth.authenticate(basic(loginName, password));
    advance(120_000);
    await auth.authenticate(basic(loginName, password), { fresh: true });
    expect(counted.full).toBe(1);
    await expect(auth.authenticate(basic(loginName, "a wrong password"))).rejects.toMatchObject({ code: "unauthorized" });
    expect(counted.full).toBe(2);
  });

  it("a password reset ends the remembered login at the next session open and within the record time", async () => {
    const { loginName, auth, counted, advance } = await setup();
    await auth.authenticate(basic(loginName, password), { fresh: true });
    await resetAccountPassword(db, { loginName, password: "the new password 123" }, world.devices, { actor: testActor });
    await expect(auth.authenticate(basic(loginName, password), { fresh: true })).rejects.toMatchObject({ code: "unauthorized" });
    expect(counted.full).toBe(2);
    await auth.authenticate(basic(loginName, "the new password 123"), { fresh: true });
    await resetAccountPassword(db, { loginName, password: "a third password 456" }, world.devices, { actor: testActor });
    // A running session's requests follow within the record time.
    await auth.authenticate(basic(loginName, "the new password 123"));
    advance(31_000);
    await expect(auth.authenticate(basic(loginName, "the new password 123"))).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("refuses a suspended account at the next session open, and running ones within the record time", async () => {
    const { loginName, auth, advance } = await setup();
    await auth.authenticate(basic(loginName, password), { fresh: true });
    // As the portal does it: MySQL only.
    await db.update(backupAccounts).set({ status: "suspended" }).where(eq(backupAccounts.loginName, loginName));
    await auth.authenticate(basic(loginName, password));
    await expect(auth.authenticate(basic(loginName, password), { fresh: true })).rejects.toMatchObject({ code: "suspended" });
    await db.update(backupAccounts).set({ status: "active" }).where(eq(backupAccounts.loginName, loginName));
    await auth.authenticate(basic(loginName, password), { fresh: true });
    await suspendAccount(db, loginName, world.devices, { actor: testActor });
    advance(31_000);
    await expect(auth.authenticate(basic(loginName, password))).rejects.toMatchObject({ code: "suspended" });
  });

  it("re-reads an expired record once for a burst of requests, but once per session open", async () => {
    const { loginName, auth, counted, advance } = await setup();
    await auth.authenticate(basic(loginName, password), { fresh: true });
    advance(31_000);
    const reads = counted.refresh;
    await Promise.all(Array.from({ length: 8 }, () => auth.authenticate(basic(loginName, password))));
    expect(counted.refresh - reads).toBe(1);
    await Promise.all(Array.from({ length: 3 }, () => auth.authenticate(basic(loginName, password), { fresh: true })));
    expect(counted.refresh - reads).toBe(4);
  });
});
