import path from "node:path";
import { assertLoginName } from "./login-name";

// Layout of an account on its device. Keys are relative to the device root and follow the storage
// driver's key rules; the login name is validated before it becomes part of one.

export const ACCOUNTS_DIR = "accounts";

export function accountCacheKey(loginName: string): string {
  assertLoginName(loginName);
  return `${ACCOUNTS_DIR}/${loginName}/account.json`;
}

export function accountDir(deviceRoot: string, loginName: string): string {
  assertLoginName(loginName);
  return path.join(path.resolve(deviceRoot), ACCOUNTS_DIR, loginName);
}

/** Where the account's repository lives: `<device root>/accounts/<login>/repo`. */
export function repositoryRoot(deviceRoot: string, loginName: string): string {
  return path.join(accountDir(deviceRoot, loginName), "repo");
}
