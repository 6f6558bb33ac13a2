import { expect, request as playwrightRequest, type Browser, type Page } from "@playwright/test";
import { authFile, portalUrl, type ActorName } from "./e2e-env";

/** A server action's HTTP request as the browser sent it: replayable by anyone with any cookies. */
export interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Opens `path` as the admin, lets `submit` fill and submit a form, and captures the server action's
 * POST instead of sending it (nothing changes). Replaying it as another actor is exactly what a
 * user who learnt the action id and an object id could send, whatever the pages show them.
 */
export async function captureAction(browser: Browser, path: string, submit: (page: Page) => Promise<void>): Promise<CapturedAction> {
  const context = await browser.newContext({ storageState: authFile("admin"), baseURL: portalUrl });
  const page = await context.newPage();
  let captured: CapturedAction | null = null;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      const { cookie: _cookie, "content-length": _length, ...headers } = await request.allHeaders();
      captured = { url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) };
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(path);
  await submit(page);
  await expect.poll(() => captured !== null, { message: `a server action posted from ${path}` }).toBe(true);
  await context.close();
  return captured!;
}

/** Sends a captured action with `actor`'s session (or none); the action's answer is in the RSC body. */
export async function replayAction(action: CapturedAction, actor: ActorName | "anonymous"): Promise<{ status: number; body: string }> {
  const context = await playwrightRequest.newContext({ baseURL: portalUrl, storageState: actor === "anonymous" ? { cookies: [], origins: [] } : authFile(actor) });
  try {
    const response = await context.post(action.url, { headers: action.headers, data: action.body, maxRedirects: 0 });
    return { status: response.status(), body: await response.text() };
  } finally {
    await context.dispose();
  }
}
