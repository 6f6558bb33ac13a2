import { AccountError } from "./account-errors";
import type { AccountRecord } from "./account-record";

/**
 * Whether accepting `incomingBytes` more would take the account past its quota. Reaching the quota
 * exactly is allowed. A quota of 0 refuses all new data (an account being wound down).
 */
export function isOverQuota(account: Pick<AccountRecord, "quotaBytes" | "usedBytes">, incomingBytes: number): boolean {
  return account.usedBytes + Math.max(0, incomingBytes) > account.quotaBytes;
}

export function assertQuotaBytes(quotaBytes: number): void {
  // Bytes travel as JS numbers (db/client.ts): beyond 2^53 they would silently round.
  if (!Number.isSafeInteger(quotaBytes) || quotaBytes < 0) {
    throw new AccountError("invalid_quota", `invalid quota ${quotaBytes}: a whole number of bytes, 0 or more`);
  }
}
