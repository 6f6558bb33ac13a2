import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loginAttempts, resellers, users } from "../../db/schema";
import { openTestDatabase } from "../../test/db";
import { createUser } from "../../test/world";
import { authenticate } from "./authenticate";
import { loadActor } from "./load-actor";
import { hashPassword } from "./password";

const db = openTestDatabase();
let hash: string;
beforeAll(async () => {
  hash = await hashPassword("correct horse");
});

// Each test gets its own address so throttling in one test cannot leak into another.
let ipCounter = 0;
const freshIp = () => `10.${process.pid % 250}.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

async function customer(options: { disabled?: boolean } = {}) {
  const [reseller] = await db.insert(resellers).values({ name: `auth-r-${Math.random()}` }).$returningId();
  return createUser(db, { role: "customer", resellerId: reseller!.id, passwordHash: hash, ...options });
}

describe("authenticate", () => {
  it("accepts the right password and records the success", async () => {
    const user = await customer();
    const ip = freshIp();
    const result = await authenticate(db, { login: user.login.toUpperCase(), password: "correct horse", ip });
    expect(result).toEqual({ ok: true, userId: user.userId });
    const rows = await db.select().from(loginAttempts).where(eq(loginAttempts.ip, ip));
    expect(rows.map((r) => r.outcome)).toEqual(["success"]);
  });

  it("gives the same answer for a wrong password and an unknown login", async () => {
    const user = await customer();
    const wrong = await authenticate(db, { login: user.login, password: "wrong", ip: freshIp() });
    const unknown = await authenticate(db, { login: "nobody@test.invalid", password: "wrong", ip: freshIp() });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, code: "invalid_credentials" });
  });

  it.each([
    ["empty login", { login: "", password: "x" }, "Enter your login."],
    ["empty password", { login: "a@b", password: "" }, "Enter your password."],
    ["missing fields", { login: undefined, password: undefined }, "Enter your login."],
    ["10 KB login", { login: "a".repeat(10_240), password: "x" }, "That login is too long."],
    ["10 KB password", { login: "a@b", password: "p".repeat(10_240) }, "That password is too long."],
    ["non-UTF-8 login", { login: "caf\uFFFD@b", password: "x" }, "The login contains characters that are not allowed."],
  ])("rejects %s with a clear message and records nothing", async (_name, input, message) => {
    const ip = freshIp();
    expect(await authenticate(db, { ...input, ip })).toEqual({ ok: false, code: "invalid_input", message });
    expect(await db.select().from(loginAttempts).where(eq(loginAttempts.ip, ip))).toEqual([]);
  });

  it("locks a login from an address after 5 failures, even for the right password, then unlocks", async () => {
    const user = await customer();
    const ip = freshIp();
    const t0 = new Date();
    for (let i = 0; i < 5; i++) {
      const r = await authenticate(db, { login: user.login, password: "wrong", ip }, new Date(t0.getTime() + i * 1000));
      expect(r).toMatchObject({ code: "invalid_credentials" });
    }
    const locked = await authenticate(db, { login: user.login, password: "correct horse", ip }, new Date(t0.getTime() + 10_000));
    expect(locked).toMatchObject({ ok: false, code: "locked", retryMinutes: 15 });
    if (!locked.ok) expect(locked.message).toBe("Too many failed sign-ins. Try again in 15 minutes.");

    // Another address is not locked out by this one.
    expect(await authenticate(db, { login: user.login, password: "correct horse", ip: freshIp() }, new Date(t0.getTime() + 10_000))).toMatchObject({ ok: true });
    // 15 minutes after the first failure the lock lifts.
    expect(await authenticate(db, { login: user.login, password: "correct horse", ip }, new Date(t0.getTime() + 15 * 60_000 + 1000))).toMatchObject({ ok: true });
  });

  it("locks an address after 20 failures across many logins", async () => {
    const ip = freshIp();
    const t0 = new Date();
    for (let i = 0; i < 20; i++) {
      await authenticate(db, { login: `spray-${i}@test.invalid`, password: "wrong", ip }, new Date(t0.getTime() + i));
    }
    const user = await customer();
    expect(await authenticate(db, { login: user.login, password: "correct horse", ip }, new Date(t0.getTime() + 1000))).toMatchObject({ code: "locked" });
  });

  it("locks a login after 20 failures spread over many addresses", async () => {
    const user = await customer();
    const t0 = new Date();
    for (let i = 0; i < 20; i++) {
      await authenticate(db, { login: user.login, password: "wrong", ip: freshIp() }, new Date(t0.getTime() + i));
    }
    expect(await authenticate(db, { login: user.login, password: "correct horse", ip: freshIp() }, new Date(t0.getTime() + 1000))).toMatchObject({ code: "locked" });
  });

  it("tells a disabled user so only after the right password", async () => {
    const user = await customer({ disabled: true });
    expect(await authenticate(db, { login: user.login, password: "wrong", ip: freshIp() })).toMatchObject({ code: "invalid_credentials" });
    expect(await authenticate(db, { login: user.login, password: "correct horse", ip: freshIp() })).toMatchObject({ code: "disabled" });
  });
});

describe("loadActor", () => {
  it("refuses the users of a disabled reseller as disabled, after the right password", async () => {
    const user = await customer();
    await db.update(resellers).set({ disabled: true }).where(eq(resellers.id, user.resellerId!));
    expect(await authenticate(db, { login: user.login, password: "correct horse", ip: freshIp() })).toMatchObject({ ok: false, code: "disabled" });
    expect(await authenticate(db, { login: user.login, password: "wrong", ip: freshIp() })).toMatchObject({ ok: false, code: "invalid_credentials" });
  });

  it("loads role and reseller fresh, and drops a user the moment it is disabled", async () => {
    const user = await customer();
    expect(await loadActor(db, user.userId)).toEqual(user);
    await db.update(users).set({ disabled: true }).where(eq(users.id, user.userId));
    expect(await loadActor(db, user.userId)).toBeNull();
  });

  it("drops the users of a disabled reseller and unknown users", async () => {
    const user = await customer();
    await db.update(resellers).set({ disabled: true }).where(eq(resellers.id, user.resellerId!));
    expect(await loadActor(db, user.userId)).toBeNull();
    expect(await loadActor(db, 999_999_999)).toBeNull();
  });
});
