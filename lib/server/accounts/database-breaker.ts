/**
 * Remembers that MySQL was just found unreachable, so that for `cooldownMs` logins go straight to
 * the cache files instead of each waiting out a connect timeout (5 s against a host that drops
 * packets). After the cooldown the next login tries MySQL again.
 */
export interface DatabaseBreaker {
  isOpen(): boolean;
  trip(): void;
  reset(): void;
}

export function createDatabaseBreaker(now: () => Date, cooldownMs: number): DatabaseBreaker {
  let openUntil = 0;
  return {
    isOpen: () => now().getTime() < openUntil,
    trip: () => {
      openUntil = now().getTime() + cooldownMs;
    },
    reset: () => {
      openUntil = 0;
    },
  };
}
