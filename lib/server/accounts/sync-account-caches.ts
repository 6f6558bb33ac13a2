import { inArray } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { isDatabaseUnavailable } from "../../../db/errors";
import { backupAccounts } from "../../../db/schema/accounts";
import { readAccountCache, removeAccountCache, writeAccountCache } from "./account-cache";
import type { MountedDevice } from "./account-record";
import { findAccountsOnDevice } from "./find-account";
import { listCachedLogins } from "./list-cached-logins";

export interface SyncReport {
  written: number;
  unchanged: number;
  /** Caches removed because MySQL says the account now lives on another device. */
  removed: number;
  /** Caches of logins MySQL does not know at all: kept (see below), listed for the operator. */
  orphaned: string[];
  failed: { deviceId: number; loginName: string | null; message: string }[];
}

export type SyncResult = ({ ok: true } & SyncReport) | { ok: false; reason: "database_unavailable"; error: unknown };

/**
 * Rewrites every cache file on the mounted devices from MySQL (the daemon runs it at start and
 * periodically), which also repairs any cache an admin command or a crash left stale. Never
 * throws for an unreachable database: the caches stay as they are and the caller logs the result.
 *
 * A cache whose account MySQL places on another device is removed, since a device holding an old
 * copy must not authenticate the account while MySQL is down. A cache whose login MySQL does not
 * know is kept: an empty or wrong database must not wipe out every daemon's fallback.
 */
export async function syncAccountCaches(db: Database, devices: MountedDevice[], now: () => Date = () => new Date()): Promise<SyncResult> {
  const report: SyncReport = { written: 0, unchanged: 0, removed: 0, orphaned: [], failed: [] };
  try {
    for (const device of devices) await syncDevice(db, device, now, report);
  } catch (err) {
    if (isDatabaseUnavailable(err)) return { ok: false, reason: "database_unavailable", error: err };
    throw err;
  }
  return { ok: true, ...report };
}

async function syncDevice(db: Database, device: MountedDevice, now: () => Date, report: SyncReport): Promise<void> {
  const fail = (loginName: string | null, err: unknown): void => {
    report.failed.push({ deviceId: device.id, loginName, message: err instanceof Error ? err.message : String(err) });
  };
  const stored = await findAccountsOnDevice(db, device.id);
  for (const { account } of stored) {
    try {
      if (await writeAccountCache(device.root, device.id, account, now())) report.written += 1;
      else report.unchanged += 1;
    } catch (err) {
      fail(account.loginName, err);
    }
  }

  let onDisk: string[];
  try {
    onDisk = await listCachedLogins(device.root);
  } catch (err) {
    return fail(null, err);
  }
  const here = new Set(stored.map((s) => s.account.loginName));
  const others = onDisk.filter((login) => !here.has(login));
  if (others.length === 0) return;
  const elsewhere = new Set(
    (await db.select({ loginName: backupAccounts.loginName }).from(backupAccounts).where(inArray(backupAccounts.loginName, others))).map((r) => r.loginName),
  );
  for (const login of others) {
    try {
      if (elsewhere.has(login)) {
        if ((await readAccountCache(device.root, login)).kind === "missing") continue;
        await removeAccountCache(device.root, login);
        report.removed += 1;
      } else if ((await readAccountCache(device.root, login)).kind !== "missing") {
        report.orphaned.push(login);
      }
    } catch (err) {
      fail(login, err);
    }
  }
}
