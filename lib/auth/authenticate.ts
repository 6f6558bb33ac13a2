import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { resellers, users } from "../../db/schema";
import { credentialsSchema } from "./credentials";
import { loadRecentFailures, recordLoginAttempt } from "./login-attempts";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { loginMessage, type LoginErrorCode } from "./login-messages";
import { decideThrottle, minutesUntil } from "./throttle";

export type AuthenticateResult =
  | { ok: true; userId: number }
  | { ok: false; code: Exclude<LoginErrorCode, "db_unavailable">; message: string; retryMinutes?: number };

/**
 * Checks a sign-in: input bounds, then the throttle, then the password. An unknown login and a
 * wrong password get the same answer and take the same time; a disabled user learns it only after
 * giving the right password.
 */
export async function authenticate(db: Database, input: { login: unknown; password: unknown; ip: string }, now = new Date()): Promise<AuthenticateResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, code: "invalid_input", message: parsed.error.issues[0]?.message ?? "Enter your login and password." };
  }
  const { login, password } = parsed.data;
  const ip = input.ip.slice(0, 45);

  const throttle = decideThrottle(await loadRecentFailures(db, login, ip, now), now);
  if (throttle.locked) {
    await recordLoginAttempt(db, { login, ip, outcome: "locked", at: now });
    const retryMinutes = minutesUntil(throttle.retryAt, now);
    return { ok: false, code: "locked", message: loginMessage("locked", String(retryMinutes)), retryMinutes };
  }

  // A user of a disabled reseller is refused like a disabled user (loadActor also drops its sessions).
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabled: sql<boolean>`(${users.disabled} or coalesce(${resellers.disabled}, false))`.mapWith(Boolean) })
    .from(users)
    .leftJoin(resellers, eq(resellers.id, users.resellerId))
    .where(eq(users.login, login))
    .limit(1);
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);

  if (!user || !valid) {
    await recordLoginAttempt(db, { login, ip, outcome: "failure", at: now });
    return { ok: false, code: "invalid_credentials", message: loginMessage("invalid_credentials") };
  }
  if (user.disabled) {
    await recordLoginAttempt(db, { login, ip, outcome: "failure", at: now });
    return { ok: false, code: "disabled", message: loginMessage("disabled") };
  }
  await recordLoginAttempt(db, { login, ip, outcome: "success", at: now });
  return { ok: true, userId: user.id };
}
