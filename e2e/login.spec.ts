import { randomBytes } from "node:crypto";
import { postCredentials, postRawCredentials, signInOutcome } from "./support/auth-api";
import type { ActorName } from "./support/e2e-env";
import { expect, test } from "./support/fixtures";
import { isSessionCookie, loginError, loginUrl, submitLoginForm } from "./support/login-form";
import { describeResponses, watchServerErrors } from "./support/page-checks";
import { createFreshCustomer, createFreshReseller, setResellerDisabled, setUserDisabled } from "./support/users";
import { credentialsOf } from "./support/world";

// Every test here starts signed out and signs in through the form (or posts to Auth.js directly).
//
// Failed sign-ins count toward the throttle: 5 per login and address, 20 per address in 15 minutes,
// and every request here comes from 127.0.0.1. Tests that need failures use a fresh user, and the
// file stays well under 20 failures in all (the database is new each run), so a lock never spills
// into another test.
test.use({ storageState: { cookies: [], origins: [] } });

const homes: [ActorName, string][] = [
  ["admin", "/resellers"],
  ["reseller1", "/customers"],
  ["customerA", "/backups"],
];

for (const [actor, home] of homes) {
  test(`${actor} signs in through the form and lands on ${home}`, async ({ page, world }) => {
    const serverErrors = watchServerErrors(page);
    const { login, password } = credentialsOf(world, actor);
    await submitLoginForm(page, login, password);
    await expect(page).toHaveURL(home);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(describeResponses(serverErrors)).toEqual([]);
  });
}

test("the login is case-insensitive and trimmed", async ({ page, world }) => {
  const { login, password } = credentialsOf(world, "customerA");
  await submitLoginForm(page, `  ${login.toUpperCase()} `, password);
  await expect(page).toHaveURL("/backups");
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, world }) => {
  const { login, password } = credentialsOf(world, "admin");
  await submitLoginForm(page, login, password);
  await expect(page).toHaveURL("/resellers");
  const cookie = (await page.context().cookies()).find((c) => isSessionCookie(c.name));
  expect(cookie, "a session cookie is set").toBeDefined();
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  expect(await page.evaluate(() => document.cookie)).not.toMatch(/session-token/);
});

test("signing out returns to /login, and the page left behind then redirects to /login", async ({ page, world }) => {
  const { login, password } = credentialsOf(world, "customerA");
  await submitLoginForm(page, login, password);
  await expect(page).toHaveURL("/backups");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(loginUrl);
  expect((await page.context().cookies()).filter((c) => isSessionCookie(c.name))).toEqual([]);

  await page.goto("/backups");
  await expect(page).toHaveURL(loginUrl);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("a user disabled in the database is out on the next request", async ({ page, db, world }) => {
  const user = await createFreshCustomer(db, world.reseller1.id);
  await submitLoginForm(page, user.login, user.password);
  await expect(page).toHaveURL("/backups");

  await setUserDisabled(db, user.id, true);
  await page.reload();
  await expect(page).toHaveURL(loginUrl);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("a user whose reseller is disabled in the database is out on the next request", async ({ page, db }) => {
  const { resellerId, user } = await createFreshReseller(db);
  await submitLoginForm(page, user.login, user.password);
  await expect(page).toHaveURL("/customers");

  await setResellerDisabled(db, resellerId, true);
  await page.reload();
  await expect(page).toHaveURL(loginUrl);
});

test("a wrong password and an unknown login get the identical message", async ({ page, db, world }) => {
  const user = await createFreshCustomer(db, world.reseller1.id);

  await submitLoginForm(page, user.login, "not-the-password");
  await expect(loginError(page)).toHaveText(/\S/);
  const wrongPassword = (await loginError(page).innerText()).trim();

  await submitLoginForm(page, `nobody-${randomBytes(4).toString("hex")}@customer.test`, "not-the-password");
  await expect(loginError(page)).toHaveText(/\S/);
  const unknownLogin = (await loginError(page).innerText()).trim();

  expect(unknownLogin).toBe(wrongPassword);
  expect(wrongPassword).not.toMatch(/too many|disabled|unavailable/i);
  await expect(page).toHaveURL(loginUrl);
});

// Refused before the password is checked, so none of these counts as a failed sign-in.
const hostileInputs = [
  { name: "empty login and password", login: "", password: "", message: /enter your (login|password)/i },
  { name: "a 10 KB login", login: "a".repeat(10 * 1024), password: "some-password", message: /too long|enter your login/i },
  { name: "a 10 KB password", login: "someone@customer.demo", password: "p".repeat(10 * 1024), message: /too long|enter your login/i },
  // What a browser makes of bytes that are not UTF-8: the replacement character.
  { name: "a login with U+FFFD", login: "\uFFFD\uFFFD@customer.demo", password: "some-password", message: /not allowed|enter your login/i },
];

for (const input of hostileInputs) {
  test(`the form refuses ${input.name} with a clear error, never a 500`, async ({ page }) => {
    const serverErrors = watchServerErrors(page);
    await submitLoginForm(page, input.login, input.password, { skipBrowserChecks: true });
    await expect(loginError(page)).toHaveText(input.message);
    await expect(page).toHaveURL(loginUrl);
    expect(describeResponses(serverErrors)).toEqual([]);
  });
}

const hostileBodies = [
  { name: "non-UTF-8 bytes in the login", body: Buffer.concat([Buffer.from("login="), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from("%FF%C0%AF@customer.demo&password=some-password")]) },
  { name: "a 10 KB login", body: Buffer.from(`login=${"a".repeat(10 * 1024)}&password=some-password`) },
  { name: "no fields at all", body: Buffer.from("") },
];

for (const { name, body } of hostileBodies) {
  test(`a raw sign-in post with ${name} is refused cleanly, never a 500`, async ({ page }) => {
    const outcome = signInOutcome(await postRawCredentials(page.request, body));
    expect(outcome.status).toBe(302);
    expect(outcome.location?.pathname).toBe("/login");
    // Configuration is what Auth.js answers when authorize() crashed instead of refusing.
    expect(outcome.error).toBe("CredentialsSignin");
    expect(outcome.code).toBe("invalid_input");

    const landing = await page.goto(`${outcome.location?.pathname}${outcome.location?.search}`);
    expect(landing?.status()).toBe(200);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  });
}

test("5 wrong passwords lock the login: then even the right password is refused", async ({ page, db, world }) => {
  const user = await createFreshCustomer(db, world.reseller1.id);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitLoginForm(page, user.login, `wrong-password-${attempt}`);
    await expect(loginError(page)).toHaveText(/\S/);
    await expect(loginError(page)).not.toContainText("Too many failed sign-ins");
  }

  await submitLoginForm(page, user.login, user.password);
  await expect(loginError(page)).toContainText("Too many failed sign-ins");
  await expect(page).toHaveURL(loginUrl);

  // The lock is on that login from that address: another user from the same address gets in.
  const other = await createFreshCustomer(db, world.reseller1.id);
  await submitLoginForm(page, other.login, other.password);
  await expect(page).toHaveURL("/backups");
});

// Under a bare `next start` X-Forwarded-For is the client's to choose (Next only fills it in when
// absent), so a made-up address per guess dodges the per-address locks; the login-wide cap of 20
// failures from any address still locks the login.
test("a forged X-Forwarded-For per guess does not dodge the lock", async ({ request, db, world }) => {
  const user = await createFreshCustomer(db, world.reseller1.id);
  for (let attempt = 1; attempt <= 20; attempt++) {
    const outcome = signInOutcome(
      await postCredentials(request, { login: user.login, password: `wrong-password-${attempt}` }, { "x-forwarded-for": `198.51.100.${attempt}` }),
    );
    expect(outcome.error).toBe("CredentialsSignin");
  }
  const outcome = signInOutcome(await postCredentials(request, { login: user.login, password: user.password }, { "x-forwarded-for": "198.51.100.99" }));
  expect(outcome.error, "the right password after 20 failures from forged addresses must be refused").toBe("CredentialsSignin");
  expect(outcome.code).toMatch(/^locked/);
});
