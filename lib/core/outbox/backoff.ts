export interface BackoffOptions {
  /** Delay after the first failure. */
  initialMs: number;
  /** Cap: a database down for a day is retried every maxMs, not every few hours. */
  maxMs: number;
  factor: number;
  /**
   * Share of the delay taken off at random (0..1). Several daemons that lost the same database
   * then do not all reconnect in the same instant when it returns.
   */
  jitter: number;
}

export const defaultBackoff: BackoffOptions = { initialMs: 500, maxMs: 60_000, factor: 2, jitter: 0.2 };

/** Delay before retry number `attempt` (1 = first retry): capped exponential with jitter. */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  // Capped before multiplying out, so attempt 5000 does not overflow to Infinity.
  const base = Math.min(options.maxMs, options.initialMs * Math.pow(options.factor, Math.min(exponent, 64)));
  const jitter = Math.min(1, Math.max(0, options.jitter));
  return Math.round(base * (1 - jitter * random()));
}
