import { randomBytes } from "node:crypto";

/**
 * Entry ids are file names that sort in append order: zero-padded milliseconds, a counter for
 * appends within the same millisecond, and a random tail so two processes appending in the same
 * millisecond never collide ("000001735790645678-000000-9f2c41d0"). The clock is floored at the
 * newest id already on disk, so a wall clock stepped backwards (NTP) cannot put new items in
 * front of a backlog: delivery order stays append order across restarts.
 */
const ID = /^\d{18}-\d{6}-[0-9a-f]{8}$/;
const MAX_COUNTER = 999_999;

export function isEntryId(value: string): boolean {
  return ID.test(value);
}

export function entryTimeMs(id: string): number {
  return Number(id.slice(0, 18));
}

export interface EntryIdSource {
  next(): string;
  /** Raises the floor to an id already on disk, so later ids sort after it. */
  observe(id: string): void;
}

export function createEntryIdSource(now: () => Date): EntryIdSource {
  let lastMs = 0;
  let counter = 0;
  return {
    next() {
      const ms = Math.max(now().getTime(), lastMs);
      if (ms > lastMs) {
        lastMs = ms;
        counter = 0;
      } else if (counter >= MAX_COUNTER) {
        // A million appends in one millisecond (or a clock stuck in the past): borrow the next one.
        lastMs += 1;
        counter = 0;
      } else {
        counter += 1;
      }
      const time = String(lastMs).padStart(18, "0");
      return `${time}-${String(counter).padStart(6, "0")}-${randomBytes(4).toString("hex")}`;
    },
    observe(id) {
      const ms = entryTimeMs(id);
      const seen = Number(id.slice(19, 25));
      if (ms > lastMs || (ms === lastMs && seen > counter)) {
        lastMs = ms;
        counter = seen;
      }
    },
  };
}
