import type { APIRequestContext, APIResponse } from "@playwright/test";

/** Auth.js's double-submit CSRF token; the GET also sets its cookie on `request`. */
export async function csrfToken(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/auth/csrf");
  if (!response.ok()) throw new Error(`GET /api/auth/csrf answered ${response.status()}`);
  const body = (await response.json()) as { csrfToken?: unknown };
  if (typeof body.csrfToken !== "string") throw new Error("GET /api/auth/csrf gave no csrfToken");
  return body.csrfToken;
}

/**
 * Signs in through Auth.js's credentials callback, as a form post, without following the redirect:
 * success is a redirect to the callback URL with the session cookie set on `request`, failure a
 * redirect to /login?error=CredentialsSignin&code=<reason> (or error=Configuration if it crashed).
 */
export async function postCredentials(
  request: APIRequestContext,
  fields: { login: string; password: string },
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  const token = await csrfToken(request);
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken: token, login: fields.login, password: fields.password, callbackUrl: "/" },
    headers,
    maxRedirects: 0,
  });
}

/** The same post with a raw body: for bytes a browser or `form` would never send. */
export async function postRawCredentials(request: APIRequestContext, rawFields: Buffer): Promise<APIResponse> {
  const token = await csrfToken(request);
  const body = Buffer.concat([Buffer.from(`csrfToken=${encodeURIComponent(token)}&callbackUrl=%2F&`), rawFields]);
  return request.post("/api/auth/callback/credentials", {
    data: body,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    maxRedirects: 0,
  });
}

/** Where a credentials post sent the browser, and the error and code Auth.js put in that URL. */
export function signInOutcome(response: APIResponse): { status: number; location: URL | null; error: string | null; code: string | null } {
  const header = response.headers()["location"];
  const location = header ? new URL(header, response.url()) : null;
  return {
    status: response.status(),
    location,
    error: location?.searchParams.get("error") ?? null,
    code: location?.searchParams.get("code") ?? null,
  };
}
