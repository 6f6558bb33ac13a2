import { and, desc, eq, gt, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { loginAttempts, type LoginOutcome } from "../../db/schema";
import { throttlePolicy, type RecentFailures } from "./throttle";

export async function recordLoginAttempt(db: Database, attempt: { login: string; ip: string; outcome: LoginOutcome; at: Date }): Promise<void> {
  await db.insert(loginAttempts).values(attempt);
}

/** The failures that count toward a lock: only as many as the policy needs, newest first. */
export async function loadRecentFailures(db: Database, login: string, ip: string, now: Date): Promise<RecentFailures> {
  const since = new Date(now.getTime() - throttlePolicy.windowMs);
  const failuresWhere = (scope: SQL | undefined, limit: number) =>
    db
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.outcome, "failure"), gt(loginAttempts.at, since), scope))
      .orderBy(desc(loginAttempts.at))
      .limit(limit)
      .then((rows) => rows.map((r) => r.at));
  const [pair, address, anyAddress] = await Promise.all([
    failuresWhere(and(eq(loginAttempts.login, login), eq(loginAttempts.ip, ip)), throttlePolicy.maxPairFailures),
    failuresWhere(eq(loginAttempts.ip, ip), throttlePolicy.maxAddressFailures),
    failuresWhere(eq(loginAttempts.login, login), throttlePolicy.maxLoginFailures),
  ]);
  return { pair, address, login: anyAddress };
}
