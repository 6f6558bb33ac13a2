import { z } from "zod";
import { accountStatuses } from "../../../db/schema/accounts";
import { createLocalDriver } from "../../core/storage/local-driver";
import { StorageError } from "../../core/storage/driver";
import type { AccountRecord } from "./account-record";
import { accountCacheKey } from "./account-paths";

/**
 * The cache file `<device root>/accounts/<login>/account.json`: what the daemon needs to
 * authenticate the account while MySQL is down. `deviceId` says which device the account belonged
 * to when it was written, so a copy left behind on the source device of a move is never trusted.
 */
const cacheSchema = z.object({
  format: z.literal(1),
  accountId: z.number().int().positive(),
  loginName: z.string(),
  deviceId: z.number().int().positive(),
  status: z.enum(accountStatuses),
  quotaBytes: z.number().int().nonnegative(),
  usedBytes: z.number().int().nonnegative(),
  passwordHash: z.string().min(1),
  writtenAt: z.string(),
});

export type AccountCache = z.infer<typeof cacheSchema>;
export type CacheRead = { kind: "found"; cache: AccountCache } | { kind: "missing" } | { kind: "corrupt"; message: string };

export async function readAccountCache(deviceRoot: string, loginName: string): Promise<CacheRead> {
  const key = accountCacheKey(loginName);
  let bytes: Buffer;
  try {
    bytes = await createLocalDriver(deviceRoot).read(key);
  } catch (err) {
    if (err instanceof StorageError && err.code === "not_found") return { kind: "missing" };
    throw err;
  }
  try {
    const cache = cacheSchema.parse(JSON.parse(bytes.toString("utf8")));
    // A file copied under another account's directory must not authenticate that account.
    if (cache.loginName !== loginName) return { kind: "corrupt", message: `${key} names another account` };
    return { kind: "found", cache };
  } catch {
    return { kind: "corrupt", message: `${key} is not a valid account cache` };
  }
}

/**
 * Writes the cache crash-safely (temp, fsync, rename, fsync dir). Skips the write when the file
 * already says the same thing, so authenticating with MySQL up does not fsync on every login.
 * Returns whether the file changed.
 */
export async function writeAccountCache(deviceRoot: string, deviceId: number, account: AccountRecord, now: Date): Promise<boolean> {
  const current = await readAccountCache(deviceRoot, account.loginName);
  if (current.kind === "found" && sameContent(current.cache, deviceId, account)) return false;
  const cache: AccountCache = { format: 1, ...pick(account), deviceId, writtenAt: now.toISOString() };
  await createLocalDriver(deviceRoot).write(accountCacheKey(account.loginName), Buffer.from(`${JSON.stringify(cache, null, 2)}\n`));
  return true;
}

/** Removes the cache file only (never the repository): the account no longer lives on this device. */
export async function removeAccountCache(deviceRoot: string, loginName: string): Promise<void> {
  await createLocalDriver(deviceRoot).delete(accountCacheKey(loginName));
}

export function cacheToRecord(cache: AccountCache): AccountRecord {
  return pick(cache);
}

function pick(a: AccountRecord): AccountRecord {
  return { accountId: a.accountId, loginName: a.loginName, status: a.status, quotaBytes: a.quotaBytes, usedBytes: a.usedBytes, passwordHash: a.passwordHash };
}

function sameContent(cache: AccountCache, deviceId: number, account: AccountRecord): boolean {
  const a = pick(cache);
  const b = pick(account);
  return cache.deviceId === deviceId && (Object.keys(a) as (keyof AccountRecord)[]).every((k) => a[k] === b[k]);
}
