import { writeAccountCache } from "../../lib/server/accounts/account-cache";

// An account the daemon knows without MySQL: only its cache file on the device, as the daemon
// itself keeps it (argon2id hash, status, quota). bench:server needs no database this way.

export async function createCacheOnlyAccount(deviceRoot: string, deviceId: number, accountId: number, loginName: string, passwordHash: string): Promise<void> {
  const account = { accountId, loginName, status: "active" as const, quotaBytes: 2 ** 50, usedBytes: 0, passwordHash };
  await writeAccountCache(deviceRoot, deviceId, account, new Date());
}
