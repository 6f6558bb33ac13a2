import fs from "node:fs/promises";
import path from "node:path";
import type { AccountDirectory, AccountRecord, AuthenticationResult } from "../../accounts";

export interface FakeAccount {
  login: string;
  password: string;
  status?: AccountRecord["status"];
  quotaBytes?: number;
}

/**
 * The account directory's contract (lib/server/accounts) in memory, for protocol tests until the
 * real one lands: each account gets its own repository directory under `deviceRoot`.
 */
export async function createFakeAccounts(deviceRoot: string, accounts: FakeAccount[]): Promise<Pick<AccountDirectory, "authenticate" | "refresh" | "recordUsage"> & { records: Map<string, AccountRecord>; rootOf(login: string): string }> {
  const records = new Map<string, AccountRecord>();
  const passwords = new Map<string, string>();
  let id = 0;
  for (const a of accounts) {
    id += 1;
    records.set(a.login, { accountId: id, loginName: a.login, status: a.status ?? "active", quotaBytes: a.quotaBytes ?? 1e15, usedBytes: 0, passwordHash: "not-a-hash" });
    passwords.set(a.login, a.password);
    await fs.mkdir(path.join(deviceRoot, a.login, "repository"), { recursive: true });
  }
  const rootOf = (login: string) => path.join(deviceRoot, login, "repository");
  return {
    records,
    rootOf,
    refresh(login) {
      const account = records.get(login);
      return Promise.resolve(account ? { account, repositoryRoot: rootOf(login) } : null);
    },
    recordUsage(login, usedBytes) {
      const account = records.get(login);
      if (account) records.set(login, { ...account, usedBytes });
      return Promise.resolve({ database: true });
    },
    authenticate(login, password): Promise<AuthenticationResult> {
      const account = records.get(login);
      if (!account || passwords.get(login) !== password) return Promise.resolve({ ok: false, reason: "invalid_credentials" });
      if (account.status === "suspended") return Promise.resolve({ ok: false, reason: "suspended" });
      return Promise.resolve({ ok: true, account, deviceRoot, repositoryRoot: rootOf(login) });
    },
  };
}
