import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditEvents, backupAccounts } from "../../../../db/schema";
import { openTestDatabase } from "../../../../test/db";
import { createAccountDirectory } from "../account-directory";
import { accountWorld } from "../test-support/account-world";

// End to end: the real bin/strongroom-admin in a child process against the scratch database.
const db = openTestDatabase();
const bin = path.resolve(import.meta.dirname, "../../../../bin/strongroom-admin");
let world: Awaited<ReturnType<typeof accountWorld>>;
beforeAll(async () => {
  world = await accountWorld(db);
});

function admin(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: inject("databaseUrl"), ...extraEnv };
  if (!("STRONGROOM_ACCOUNT_PASSWORD" in extraEnv)) delete env.STRONGROOM_ACCOUNT_PASSWORD;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const create = (login: string, more: string[] = []) =>
  admin(["create-account", "--login", login, "--customer", world.customer.login, "--device", world.devices[0]!.name, "--quota", "100G", ...more]);
const cacheOnly = () => createAccountDirectory({ db: null, devices: world.devices });

// Each run spawns node + tsx (about 1.5 s), so the multi-step tests need more than the default 20 s.
describe("strongroom-admin", { timeout: 90_000 }, () => {
  it("creates an account with a generated password, printed once, that authenticates from the cache", async () => {
    const login = world.login("cli");
    const result = await create(login, ["--interval", "24h"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const password = /^password: (\S+)$/m.exec(result.stdout)?.[1];
    expect(password).toHaveLength(32);
    expect(result.stdout).toContain(path.join(world.devices[0]!.root, "accounts", login, "repo"));
    expect(await cacheOnly().authenticate(login, password!)).toMatchObject({ ok: true, account: { quotaBytes: 100 * 2 ** 30 } });
    const [row] = await db.select().from(backupAccounts).where(eq(backupAccounts.loginName, login));
    expect(row).toMatchObject({ expectedIntervalHours: 24, customerUserId: world.customer.userId, resellerId: world.resellerId });
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.targetId, String(row!.id)));
    expect(audit?.details).toMatchObject({ actor: "admin-cli", loginName: login });
  });

  it("takes the password from a file, suspends, resumes, sets the quota, resets the password and lists", async () => {
    const login = world.login("cli");
    const file = path.join(world.base, `${login}.pw`);
    await fs.writeFile(file, "from a file, with a newline\n");
    expect((await create(login, ["--password-file", file])).code).toBe(0);
    expect(await cacheOnly().authenticate(login, "from a file, with a newline")).toMatchObject({ ok: true });

    expect(await admin(["suspend", "--login", login, "--reason", "unpaid"])).toMatchObject({ code: 0, stdout: `${login}: suspended\n` });
    expect(await cacheOnly().authenticate(login, "from a file, with a newline")).toEqual({ ok: false, reason: "suspended" });
    expect(await admin(["resume", "--login", login])).toMatchObject({ code: 0 });
    expect(await admin(["set-quota", "--login", login, "--quota", "5G"])).toMatchObject({ code: 0, stdout: `${login}: quota 5G\n` });
    expect(await admin(["reset-password", "--login", login], { STRONGROOM_ACCOUNT_PASSWORD: "from the environment" })).toMatchObject({ code: 0 });
    expect(await cacheOnly().authenticate(login, "from the environment")).toMatchObject({ ok: true, account: { status: "active", quotaBytes: 5 * 2 ** 30 } });

    const listed = await admin(["list", "--json"]);
    expect(listed.code).toBe(0);
    const accounts = JSON.parse(listed.stdout) as { loginName: string; passwordHash?: string }[];
    expect(accounts.find((a) => a.loginName === login)).toMatchObject({ status: "active", quotaBytes: 5 * 2 ** 30, deviceName: world.devices[0]!.name, customerLogin: world.customer.login });
    expect(listed.stdout).not.toContain("argon2");
    const table = await admin(["list"]);
    expect(table.stdout).toMatch(new RegExp(`^${login}\\s+active\\s+\\S+\\s+\\S+\\s+0B / 5G`, "m"));
  });

  it.each([
    ["unknown customer", ["--customer", "nobody@test.invalid"], /unknown customer "nobody@test.invalid"/],
    ["unknown device", ["--device", "no-such-device"], /unknown storage device "no-such-device"/],
    ["bad size", ["--quota", "lots"], /invalid size "lots" for --quota/],
    ["bad interval", ["--interval", "often"], /invalid interval "often"/],
    ["unknown option", ["--colour", "red"], /Unknown option '--colour'/],
  ])("fails clearly on an %s, creating nothing", async (_name, override, message) => {
    const login = world.login("cli");
    const base = ["create-account", "--login", login, "--customer", world.customer.login, "--device", world.devices[0]!.name, "--quota", "1G"];
    const args = [...base];
    for (let i = 0; i < override.length; i += 2) {
      const at = args.indexOf(override[i]!);
      if (at >= 0) args[at + 1] = override[i + 1]!;
      else args.push(override[i]!, override[i + 1]!);
    }
    const result = await admin(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(await db.select().from(backupAccounts).where(eq(backupAccounts.loginName, login))).toEqual([]);
  });

  it("fails clearly on a duplicate login, an invalid login and an unknown account", async () => {
    const login = world.login("cli");
    expect((await create(login)).code).toBe(0);
    expect(await create(login)).toMatchObject({ code: 1, stderr: expect.stringContaining(`a backup account named ${login} already exists`) });
    expect(await create("../escape")).toMatchObject({ code: 1, stderr: expect.stringContaining("invalid login name") });
    expect(await admin(["suspend", "--login", `${login}-none`])).toMatchObject({ code: 1, stderr: expect.stringContaining("no backup account named") });
  });

  it("exits 1 with a clear message when the database is unreachable, and 2 on usage errors", async () => {
    const down = await admin(["list"], { DATABASE_URL: "mysql://root:secret@127.0.0.1:1/nothing" });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/cannot reach the metadata database at mysql:\/\/root:\*\*\*@127\.0\.0\.1:1\/nothing: ECONNREFUSED/);
    expect(await admin(["frobnicate"])).toMatchObject({ code: 2 });
    // Arguments are checked before the database is opened: the typo is what gets reported.
    const typo = await admin(["set-quota", "--login", "x-y-z", "--quota", "5Q"], { DATABASE_URL: "mysql://root@127.0.0.1:1/nothing" });
    expect(typo).toMatchObject({ code: 1, stderr: expect.stringContaining('invalid size "5Q"') });
    const noFile = await admin(["reset-password", "--login", "x-y-z", "--password-file", "/nonexistent/pw"], { DATABASE_URL: "mysql://root@127.0.0.1:1/nothing" });
    expect(noFile).toMatchObject({ code: 1, stderr: expect.stringContaining("cannot read the password file /nonexistent/pw: ENOENT") });
  });
});
