import { defaultCustomers } from "./logins";
import { DAY, floorToHour, HOUR, startOfUtcDay } from "./format";

export interface SeedOptions {
  /** Customers (portal users of role customer), spread round-robin over the resellers. Default 60. */
  customers?: number;
  /** Days of history before `now`. Default 90. */
  days?: number;
  /** PRNG seed: the same seed and `now` give the same rows. */
  seed?: number;
  /** The present of the demo world. Default: the current time rounded down to the hour. */
  now?: Date;
  /** Where the storage devices' directories live. Default /srv/strongroom. */
  deviceRoot?: string;
}

export const defaultSeed = 20_240_601;

/** The resolved options plus the calendar every other part derives its times from. */
export interface SeedClock {
  customers: number;
  days: number;
  seed: number;
  deviceRoot: string;
  now: number;
  /** 00:00 UTC of day 0, `days` days before today's 00:00 UTC. Day `days` is today. */
  firstDay: number;
  dayStart(day: number): number;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday(day: number): number;
}

function requireWhole(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`seed option ${name} must be a whole number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

export function resolveSeedClock(options: SeedOptions = {}): SeedClock {
  const customers = requireWhole("customers", options.customers ?? defaultCustomers, 0, 10_000);
  const days = requireWhole("days", options.days ?? 90, 1, 3_650);
  const seed = requireWhole("seed", options.seed ?? defaultSeed, 0, 2 ** 32 - 1);
  const now = (options.now ?? floorToHour(new Date())).getTime();
  if (!Number.isFinite(now)) throw new Error("seed option now must be a valid date");
  const firstDay = startOfUtcDay(now) - days * DAY;
  return {
    customers,
    days,
    seed,
    deviceRoot: (options.deviceRoot ?? "/srv/strongroom").replace(/\/+$/, ""),
    now,
    firstDay,
    dayStart: (day) => firstDay + day * DAY,
    weekday: (day) => new Date(firstDay + day * DAY + 12 * HOUR).getUTCDay(),
  };
}
