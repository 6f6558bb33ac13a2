import { and, desc, eq, gt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { loginAttempts, type LoginOutcome } from "../../db/schema";
import { throttlePolicy, type RecentFailures } from "./throttle";

export async function recordLoginAttempt(db: Database, attempt: { login: string; ip: string; outcome: LoginOutcome; at: Date }): Promise<void> {
  await db.insert(loginAttempts).values(attempt);
}

/** The failures that count toward a lock: only as many as the policy needs, newest first. */
export async function loadRecentFailures(db: Database, login: string, ip: string, now: Date): Promise<RecentFailures> {
  const since = new Date(now.getTime() - throttlePolicy.windowMs);
  const failed = and(eq(loginAttempts.outcome, "failure"), eq(loginAttempts.ip, ip), gt(loginAttempts.at, since));
  const [pair, address] = await Promise.all([
    db
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(and(failed, eq(loginAttempts.login, login)))
      .orderBy(desc(loginAttempts.at))
      .limit(throttlePolicy.maxPairFailures),
    db.select({ at: loginAttempts.at }).from(loginAttempts).where(failed).orderBy(desc(loginAttempts.at)).limit(throttlePolicy.maxAddressFailures),
  ]);
  return { pair: pair.map((r) => r.at), address: address.map((r) => r.at) };
}
