import type { Database } from "../../../db/client";
import { isDatabaseUnavailable } from "../../../db/errors";
import { verifyAgainstDummy, verifyPassword } from "../../auth/password";
import { cacheToRecord, readAccountCache, writeAccountCache } from "./account-cache";
import type { AccountRecord, MountedDevice } from "./account-record";
import { repositoryRoot } from "./account-paths";
import { createDatabaseBreaker } from "./database-breaker";
import { findAccount } from "./find-account";
import { updateUsedBytes } from "./update-used-bytes";
import { isValidLoginName } from "./login-name";

export type AuthenticationResult =
  | { ok: true; account: AccountRecord; deviceRoot: string; repositoryRoot: string }
  | { ok: false; reason: "invalid_credentials" | "suspended" };

export interface AccountDirectory {
  /**
   * Checks a client's credentials. Unknown login, invalid login name, wrong password and an
   * account on a device this server does not mount all answer "invalid_credentials" after one
   * argon2 verification, so neither the answer nor its timing tells whether the login exists.
   * "suspended" is only answered to the right password. A "moving" account authenticates; the
   * protocol layer decides what a session may do during the move's freeze.
   */
  authenticate(loginName: string, password: string): Promise<AuthenticationResult>;
  /**
   * The account as known now (MySQL when reachable, else the cache), rewriting the cache, and
   * where its repository is now (a move between two devices of this server changes it); null when
   * unknown here. No password check: for a login verified before (lib/server/http).
   */
  refresh(loginName: string): Promise<{ account: AccountRecord; repositoryRoot: string } | null>;
  /**
   * Stores a newly measured storage use in MySQL (when reachable) and in the device cache, so
   * quota checks and the portal see it. `database: false` means MySQL still has the old figure:
   * call again later (the cache sync would otherwise copy the old figure back to the device).
   */
  recordUsage(loginName: string, usedBytes: number): Promise<{ database: boolean }>;
}

export interface AccountDirectoryOptions {
  /** Null or absent: cache-only (the daemon started without a database). */
  db?: Database | null;
  devices: MountedDevice[];
  now?: () => Date;
  /** How long to skip MySQL after finding it unreachable. */
  databaseCooldownMs?: number;
  /** Degraded but working: database unreachable, a cache file unreadable or not writable. */
  onWarning?: (message: string, error?: unknown) => void;
}

interface Located {
  account: AccountRecord;
  deviceRoot: string;
}

export function createAccountDirectory(options: AccountDirectoryOptions): AccountDirectory {
  const { db = null, devices } = options;
  const now = options.now ?? (() => new Date());
  const breaker = createDatabaseBreaker(now, options.databaseCooldownMs ?? 10_000);
  const warn = (message: string, error?: unknown) => {
    try {
      options.onWarning?.(message, error);
    } catch {
      // A broken logger must not turn into failed logins.
    }
  };

  async function fromDatabase(database: Database, loginName: string): Promise<Located | null | "unavailable"> {
    let stored;
    try {
      stored = await findAccount(database, loginName);
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      breaker.trip();
      warn("metadata database unreachable: authenticating from the device caches", err);
      return "unavailable";
    }
    breaker.reset();
    if (!stored) return null;
    const device = devices.find((d) => d.id === stored.deviceId);
    // MySQL is authoritative while reachable: an account on a device we do not mount is not ours.
    if (!device) return null;
    try {
      await writeAccountCache(device.root, device.id, stored.account, now());
    } catch (err) {
      warn(`cannot refresh the account cache of ${loginName}`, err);
    }
    return { account: stored.account, deviceRoot: device.root };
  }

  async function fromCache(loginName: string): Promise<Located | null> {
    for (const device of devices) {
      try {
        const read = await readAccountCache(device.root, loginName);
        if (read.kind === "corrupt") warn(read.message);
        // A copy whose device id is not this device's is a leftover of a move: never trusted.
        if (read.kind === "found" && read.cache.deviceId === device.id) {
          return { account: cacheToRecord(read.cache), deviceRoot: device.root };
        }
      } catch (err) {
        warn(`cannot read the account cache of ${loginName} on device ${device.id}`, err);
      }
    }
    return null;
  }

  async function locate(loginName: string): Promise<Located | null> {
    if (db && !breaker.isOpen()) {
      const found = await fromDatabase(db, loginName);
      if (found !== "unavailable") return found;
    }
    return fromCache(loginName);
  }

  return {
    async authenticate(loginName, password) {
      // An invalid name is never looked up (no query, no path), but costs the same verification.
      const located = isValidLoginName(loginName) ? await locate(loginName) : null;
      if (!located) {
        await verifyAgainstDummy(password);
        return { ok: false, reason: "invalid_credentials" };
      }
      if (!(await verifyPassword(located.account.passwordHash, password))) {
        return { ok: false, reason: "invalid_credentials" };
      }
      if (located.account.status === "suspended") return { ok: false, reason: "suspended" };
      return { ok: true, account: located.account, deviceRoot: located.deviceRoot, repositoryRoot: repositoryRoot(located.deviceRoot, loginName) };
    },

    async refresh(loginName) {
      if (!isValidLoginName(loginName)) return null;
      const located = await locate(loginName);
      return located && { account: located.account, repositoryRoot: repositoryRoot(located.deviceRoot, loginName) };
    },

    async recordUsage(loginName, usedBytes) {
      if (!isValidLoginName(loginName)) return { database: false };
      let database = db === null;
      if (db && !breaker.isOpen()) {
        try {
          await updateUsedBytes(db, loginName, devices.map((d) => d.id), usedBytes);
          breaker.reset();
          database = true;
        } catch (err) {
          if (!isDatabaseUnavailable(err)) throw err;
          breaker.trip();
          warn("metadata database unreachable: storage use recorded on the device only", err);
        }
      }
      const cached = await fromCache(loginName);
      const device = cached && devices.find((d) => d.root === cached.deviceRoot);
      if (cached && device && cached.account.usedBytes !== usedBytes) {
        await writeAccountCache(device.root, device.id, { ...cached.account, usedBytes }, now()).catch((err: unknown) => warn(`cannot record the storage use of ${loginName} in its cache`, err));
      }
      return { database };
    },
  };
}
