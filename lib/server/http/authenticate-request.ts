import { createHmac, randomBytes } from "node:crypto";
import type { AccountDirectory, AccountRecord } from "../accounts";
import { readBasicAuth } from "./basic-auth";
import { HttpError } from "./http-error";

export interface Authenticated {
  account: AccountRecord;
  repositoryRoot: string;
}

export interface RequestAuthenticator {
  /**
   * With `fresh` (a session opening), a remembered login is checked against the account's
   * current record (MySQL when reachable, a cheap query, no argon2): a suspension or removal made
   * since takes effect at the next session instead of after the cache time, and the session
   * starts with the current quota and usage. A changed password is verified in full.
   */
  authenticate(authorization: string | undefined, options?: { fresh?: boolean }): Promise<Authenticated>;
}

export interface AuthenticatorOptions {
  /** How long a request may act on the account record read at the last check (default 30 s). */
  recordMs: number;
  /** How long a successful argon2id verification is remembered for the same stored hash. */
  verifiedMs?: number;
  now?: () => number;
}

interface Remembered {
  value: Authenticated;
  /** The stored hash the presented password was verified against. */
  passwordHash: string;
  /** Until then requests use `value` as is; after, the record is read again (no argon2). */
  recordUntil: number;
  verifiedUntil: number;
}

/** Bounded: a flood of distinct valid logins cannot grow the map without limit. */
const MAX_REMEMBERED = 10_000;

/**
 * HTTP Basic on every request, through the account directory. Verifying an argon2id hash costs
 * 20-40 ms of CPU and 19 MiB, far too much per request, and too much per session for hundreds of
 * clients, so two things are remembered, under an HMAC of login and password with a key made at
 * start (the password is never kept, and a key cannot be made without the secret):
 * - that the password matched the account's stored hash: as long as the stored hash is the same
 *   (a password reset changes it, and the next check verifies in full), up to `verifiedMs`;
 * - the account record (status, quota, repository): for `recordMs`, then read again, and always
 *   at session open. A suspension or removal therefore takes effect at the next session, and
 *   within `recordMs` for running ones, as before; failures are never remembered.
 */
export function createRequestAuthenticator(accounts: Pick<AccountDirectory, "authenticate" | "refresh">, options: AuthenticatorOptions): RequestAuthenticator {
  const { recordMs, verifiedMs = 24 * 3_600_000, now = Date.now } = options;
  const secret = randomBytes(32);
  const remembered = new Map<string, Remembered>();
  // One record read at a time per login: a session's parallel uploads do not each query MySQL.
  const rereads = new Map<string, Promise<Authenticated | null>>();

  async function reread(key: string, login: string, hit: Remembered): Promise<Authenticated | null> {
    const current = await accounts.refresh(login);
    // Gone, moved off this server's devices, or a new password: the full check decides.
    if (!current || current.account.passwordHash !== hit.passwordHash) {
      remembered.delete(key);
      return null;
    }
    if (current.account.status === "suspended") {
      remembered.delete(key);
      throw suspendedError();
    }
    const value = { account: current.account, repositoryRoot: current.repositoryRoot };
    remembered.set(key, { ...hit, value, recordUntil: now() + recordMs });
    return value;
  }

  function rereadOnce(key: string, login: string, hit: Remembered): Promise<Authenticated | null> {
    let pending = rereads.get(key);
    if (!pending) {
      pending = reread(key, login, hit).finally(() => rereads.delete(key));
      rereads.set(key, pending);
    }
    return pending;
  }

  return {
    async authenticate(authorization, { fresh = false } = {}) {
      const { login, password } = readBasicAuth(authorization);
      const key = createHmac("sha256", secret).update(login).update("\0").update(password).digest("base64");
      const hit = remembered.get(key);
      if (hit && hit.verifiedUntil > now()) {
        if (!fresh && hit.recordUntil > now()) return hit.value;
        // A session opening reads the record itself: one started earlier may predate a suspension.
        const value = fresh ? await reread(key, login, hit) : await rereadOnce(key, login, hit);
        if (value) return value;
      }
      remembered.delete(key);
      const result = await accounts.authenticate(login, password);
      if (!result.ok) {
        if (result.reason === "suspended") throw suspendedError();
        throw new HttpError("unauthorized", "wrong account name or password", { "www-authenticate": 'Basic realm="strongroom"' });
      }
      const value = { account: result.account, repositoryRoot: result.repositoryRoot };
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      const at = now();
      remembered.set(key, { value, passwordHash: result.account.passwordHash, recordUntil: at + recordMs, verifiedUntil: at + verifiedMs });
      return value;
    },
  };
}

function suspendedError(): HttpError {
  return new HttpError("suspended", "this account is suspended: contact your backup provider");
}
