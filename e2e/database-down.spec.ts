import { postCredentials, signInOutcome } from "./support/auth-api";
import { authFile, demoPasswords, type ActorName } from "./support/e2e-env";
import { expect, test } from "./support/fixtures";
import { loginError, loginUrl, submitLoginForm } from "./support/login-form";
import { leakedInternals } from "./support/page-checks";

/**
 * The portal on port 3101, whose metadata database is a closed port. The design says backups go on
 * while the database is down; the portal must say so plainly: no 500 with a stack trace.
 * The saved sessions were made on the real portal; both servers share AUTH_SECRET, so they are valid
 * here and each page gets as far as reading the actor from the database.
 */

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("/login renders", async ({ page }) => {
    const response = await page.goto("/login");
    expect(response?.status()).toBe(200);
    await expect(page.getByLabel("Login", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Password", { exact: true })).toBeVisible();
  });

  test("signing in through the form says the metadata database is unavailable", async ({ page }) => {
    await submitLoginForm(page, "admin@strongroom.demo", demoPasswords.admin);
    await expect(loginError(page)).toContainText(/metadata database is unavailable/i);
    await expect(page).toHaveURL(loginUrl);
    expect(leakedInternals(await page.locator("body").innerText())).toBeNull();
  });

  test("signing in through the API is refused as unavailable, not crashed", async ({ request }) => {
    const outcome = signInOutcome(await postCredentials(request, { login: "admin@strongroom.demo", password: demoPasswords.admin }));
    expect(outcome.status).toBe(302);
    expect(outcome.location?.pathname).toBe("/login");
    expect(outcome.error).toBe("CredentialsSignin");
    expect(outcome.code).toBe("db_unavailable");
  });

  test("a portal page still redirects to /login", async ({ page }) => {
    await page.goto("/backups");
    await expect(page).toHaveURL(loginUrl);
  });
});

const pagesByActor: [ActorName, string[]][] = [
  ["admin", ["/", "/resellers", "/resellers/1", "/customers", "/customers/1", "/accounts/1"]],
  ["reseller1", ["/customers", "/customers/1", "/accounts/1"]],
  ["customerA", ["/backups", "/accounts/1"]],
];

for (const [actor, paths] of pagesByActor) {
  test.describe(`signed in as ${actor}`, () => {
    test.use({ storageState: authFile(actor) });

    for (const path of paths) {
      test(`${path} says the metadata database is unavailable`, async ({ page }) => {
        const response = await page.goto(path);
        expect(response?.status(), "not a 500").not.toBe(500);
        await expect(page.getByRole("heading", { name: "Metadata database unavailable" })).toBeVisible();
        expect(leakedInternals(await page.locator("body").innerText()), "internals in the page text").toBeNull();
        expect(leakedInternals((await response?.text()) ?? ""), "internals in the HTML").toBeNull();
      });
    }
  });
}
