import type { Locator, Page } from "@playwright/test";

/**
 * Fills and submits the sign-in form on a freshly loaded /login, so an error shown afterwards is
 * this attempt's. `skipBrowserChecks` turns off the browser's own validation (required, maxlength)
 * so the server's answer to the raw input is what the test sees.
 */
export async function submitLoginForm(page: Page, login: string, password: string, options: { skipBrowserChecks?: boolean } = {}): Promise<void> {
  await page.goto("/login");
  const submit = page.getByRole("button", { name: "Sign in" });
  if (options.skipBrowserChecks) {
    await page.locator("form", { has: submit }).evaluate((form: HTMLFormElement) => {
      form.noValidate = true;
      form.querySelectorAll("[maxlength]").forEach((field) => field.removeAttribute("maxlength"));
    });
  }
  await page.getByLabel("Login", { exact: true }).fill(login);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await submit.click();
}

export function loginError(page: Page): Locator {
  return page.getByTestId("login-error");
}

/** Auth.js's session cookie (`authjs.session-token`, `__Secure-` prefixed on https, `.0` when chunked). */
export function isSessionCookie(name: string): boolean {
  return /authjs\.session-token/.test(name);
}

/** /login, with or without a callbackUrl or error query. */
export const loginUrl = /\/login(\?.*)?$/;
