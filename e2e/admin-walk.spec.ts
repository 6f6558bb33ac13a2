import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { request as playwrightRequest } from "@playwright/test";
import { resellers } from "../db/schema";
import { postCredentials, signInOutcome } from "./support/auth-api";
import { authFile, portalUrl } from "./support/e2e-env";
import { expect, test } from "./support/fixtures";

/**
 * The admin's day with resellers, in the browser: every reseller is listed; a new one is created
 * with its first user, renamed and disabled, each step audit-logged, and its user is then refused.
 * It only touches the reseller it creates.
 */
test.use({ storageState: authFile("admin") });

test("admin sees every reseller, creates, renames and disables one", async ({ page, db, world }) => {
  await page.goto("/resellers");
  for (const r of world.resellers) await expect(page.getByRole("link", { name: r.name, exact: true })).toBeVisible();

  const tag = randomBytes(4).toString("hex");
  const user = { login: `ops-${tag}@walk.test`, password: `walk-pass-${tag}` };
  await page.getByText("New reseller", { exact: true }).click();
  await page.getByLabel("Reseller name").fill(`E2E Walk ${tag}`);
  await page.getByLabel("First user's login").fill(user.login);
  await page.getByLabel("First user's password").fill(user.password);
  await page.getByRole("button", { name: "Create reseller" }).click();
  await expect(page).toHaveURL(/\/resellers\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`E2E Walk ${tag}`);
  const id = Number(new URL(page.url()).pathname.split("/").at(-1));

  // The new reseller's user can sign in while it is enabled.
  const fresh = await playwrightRequest.newContext({ baseURL: portalUrl });
  expect(signInOutcome(await postCredentials(fresh, user)).error).toBeNull();

  await page.getByLabel("Name", { exact: true }).fill(`E2E Renamed ${tag}`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("action-message")).toHaveText("Reseller renamed.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`E2E Renamed ${tag}`);

  // A name that is taken is refused with a clear message.
  await page.getByLabel("Name", { exact: true }).fill(world.reseller2.name);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("action-error")).toHaveText(`A reseller named “${world.reseller2.name}” already exists.`);

  await page.getByRole("button", { name: "Disable reseller" }).click();
  await expect(page.getByTestId("action-message")).toContainText("Reseller disabled");
  await expect(page.getByRole("button", { name: "Enable reseller" })).toBeVisible();

  const trail = page.getByRole("table", { name: "Audit trail" });
  for (const change of ["Reseller created with user " + user.login, `Renamed “E2E Walk ${tag}” → “E2E Renamed ${tag}”`, "Disabled"]) {
    await expect(trail.getByRole("row").filter({ hasText: change })).toContainText(world.admin.name);
  }
  expect(await db.select({ name: resellers.name, disabled: resellers.disabled }).from(resellers).where(eq(resellers.id, id))).toEqual([{ name: `E2E Renamed ${tag}`, disabled: true }]);

  // Its user is now refused at sign-in, as a disabled user.
  const again = await playwrightRequest.newContext({ baseURL: portalUrl });
  expect(signInOutcome(await postCredentials(again, user)).code).toBe("disabled");
  await Promise.all([fresh.dispose(), again.dispose()]);

  await page.goto("/resellers");
  await expect(page.getByRole("row").filter({ hasText: `E2E Renamed ${tag}` })).toContainText("disabled");
});
