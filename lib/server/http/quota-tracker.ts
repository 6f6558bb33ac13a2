import { isOverQuota, type AccountRecord } from "../accounts";
import { HttpError } from "./http-error";

/**
 * Storage used against quota, per account: the account record's `usedBytes` (as of its last
 * refresh) plus what this daemon accepted since. A new figure from the directory resets the
 * local tally, so the two never add up the same bytes twice for long.
 */
export interface QuotaTracker {
  /** Throws 507 over_quota when `incoming` more bytes would exceed the account's quota. */
  check(account: AccountRecord, incoming: number): void;
  add(account: AccountRecord, bytes: number): void;
}

export function createQuotaTracker(): QuotaTracker {
  const tallies = new Map<number, { base: number; added: number }>();
  const tally = (account: AccountRecord) => {
    let t = tallies.get(account.accountId);
    if (!t || t.base !== account.usedBytes) {
      t = { base: account.usedBytes, added: 0 };
      tallies.set(account.accountId, t);
    }
    return t;
  };
  return {
    check(account, incoming) {
      const t = tally(account);
      // The accounts module owns the rule (reaching the quota exactly is allowed; 0 refuses all).
      if (isOverQuota({ quotaBytes: account.quotaBytes, usedBytes: t.base + t.added }, incoming)) {
        throw new HttpError("over_quota", `storage quota exceeded (${account.quotaBytes} bytes): delete old snapshots (forget --prune) or ask your provider for a larger quota`);
      }
    },
    add(account, bytes) {
      tally(account).added += bytes;
    },
  };
}
