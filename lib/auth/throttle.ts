/**
 * Sign-in throttling policy, pure so it can be tested without a clock or a database. Within 15
 * minutes:
 * - 5 failures for one login from one address lock that pair;
 * - 20 failures from one address (any logins) lock that address;
 * - 20 failures for one login from any addresses lock that login everywhere. The address comes
 *   from X-Forwarded-For, which a client can forge when the portal is exposed without a reverse
 *   proxy; this cap bounds guessing even then, at the price of letting an attacker lock a login.
 * A lock lasts until the oldest counted failure leaves the window.
 */
export const throttlePolicy = {
  windowMs: 15 * 60 * 1000,
  maxPairFailures: 5,
  maxAddressFailures: 20,
  maxLoginFailures: 20,
} as const;

export interface RecentFailures {
  /** Failure times for this login from this address, newest first, within the window. */
  pair: Date[];
  /** Failure times from this address for any login, newest first, within the window. */
  address: Date[];
  /** Failure times for this login from any address, newest first, within the window. */
  login: Date[];
}

export type ThrottleDecision = { locked: false } | { locked: true; retryAt: Date };

function lockedUntil(failures: Date[], max: number, now: Date, windowMs: number): Date | null {
  const oldestCounted = failures[max - 1];
  if (!oldestCounted) return null;
  const until = new Date(oldestCounted.getTime() + windowMs);
  return until > now ? until : null;
}

export function decideThrottle(failures: RecentFailures, now: Date, policy = throttlePolicy): ThrottleDecision {
  const until = [
    lockedUntil(failures.pair, policy.maxPairFailures, now, policy.windowMs),
    lockedUntil(failures.address, policy.maxAddressFailures, now, policy.windowMs),
    lockedUntil(failures.login, policy.maxLoginFailures, now, policy.windowMs),
  ]
    .filter((d): d is Date => d !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return until ? { locked: true, retryAt: until } : { locked: false };
}

export function minutesUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
}
