import { createHash } from "node:crypto";
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

/**
 * HTTP Basic on every request, through the account directory. Verifying an argon2id hash costs
 * ~100 ms and 64 MiB, far too much per object request of a backup, so a success is remembered for
 * `cacheMs` under a SHA-256 of login and password (the password itself is never kept). A
 * suspension takes effect at the next session (fresh) and within `cacheMs` for running ones;
 * failures are never cached.
 */
export function createRequestAuthenticator(accounts: Pick<AccountDirectory, "authenticate" | "refresh">, cacheMs: number, now: () => number = Date.now): RequestAuthenticator {
  const cache = new Map<string, { value: Authenticated; until: number }>();
  return {
    async authenticate(authorization, { fresh = false } = {}) {
      const { login, password } = readBasicAuth(authorization);
      const cacheKey = createHash("sha256").update(login).update("\0").update(password).digest("hex");
      const hit = cache.get(cacheKey);
      if (hit && hit.until > now()) {
        if (!fresh) return hit.value;
        const current = await accounts.refresh(login);
        if (current && current.passwordHash === hit.value.account.passwordHash) {
          if (current.status === "suspended") {
            cache.delete(cacheKey);
            throw suspendedError();
          }
          const value = { ...hit.value, account: current };
          cache.set(cacheKey, { value, until: hit.until });
          return value;
        }
        // Gone, moved off this server's devices, or a new password: the full check decides.
      }
      cache.delete(cacheKey);
      const result = await accounts.authenticate(login, password);
      if (!result.ok) {
        if (result.reason === "suspended") throw suspendedError();
        throw new HttpError("unauthorized", "wrong account name or password", { "www-authenticate": 'Basic realm="strongroom"' });
      }
      const value = { account: result.account, repositoryRoot: result.repositoryRoot };
      // Bounded: a flood of distinct valid logins cannot grow the map without limit.
      if (cache.size > 10_000) cache.clear();
      cache.set(cacheKey, { value, until: now() + cacheMs });
      return value;
    },
  };
}

function suspendedError(): HttpError {
  return new HttpError("suspended", "this account is suspended: contact your backup provider");
}
