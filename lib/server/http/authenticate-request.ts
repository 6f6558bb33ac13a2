import { createHash } from "node:crypto";
import type { AccountDirectory, AccountRecord } from "../accounts";
import { readBasicAuth } from "./basic-auth";
import { HttpError } from "./http-error";

export interface Authenticated {
  account: AccountRecord;
  repositoryRoot: string;
}

export interface RequestAuthenticator {
  authenticate(authorization: string | undefined): Promise<Authenticated>;
}

/**
 * HTTP Basic on every request, through the account directory. Verifying an argon2id hash costs
 * ~100 ms and 64 MiB, far too much per object request of a backup, so a success is remembered for
 * `cacheMs` under a SHA-256 of login and password (the password itself is never kept). A
 * suspension therefore takes effect within `cacheMs`; failures are never cached.
 */
export function createRequestAuthenticator(accounts: Pick<AccountDirectory, "authenticate">, cacheMs: number, now: () => number = Date.now): RequestAuthenticator {
  const cache = new Map<string, { value: Authenticated; until: number }>();
  return {
    async authenticate(authorization) {
      const { login, password } = readBasicAuth(authorization);
      const cacheKey = createHash("sha256").update(login).update("\0").update(password).digest("hex");
      const hit = cache.get(cacheKey);
      if (hit && hit.until > now()) return hit.value;
      cache.delete(cacheKey);
      const result = await accounts.authenticate(login, password);
      if (!result.ok) {
        if (result.reason === "suspended") throw new HttpError("suspended", "this account is suspended: contact your backup provider");
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
