import type { AccountStatus } from "../../../db/schema/accounts";

/**
 * What the daemon knows about a backup account: the same fields whether they came from MySQL or
 * from the cache file on the account's device. `passwordHash` is the argon2id PHC string; it never
 * leaves the server (no log line, no HTTP answer).
 */
export interface AccountRecord {
  accountId: number;
  loginName: string;
  status: AccountStatus;
  quotaBytes: number;
  usedBytes: number;
  passwordHash: string;
}

/** A storage device this process mounts: its id in storage_devices and where it is mounted here. */
export interface MountedDevice {
  id: number;
  root: string;
}
