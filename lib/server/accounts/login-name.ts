import { AccountError } from "./account-errors";

// Login names become a directory name on the device, so the charset is closed and the first
// character is alphanumeric: "." and ".." (and hidden names) can never match, and nothing needs
// escaping. 64 is the width of backup_accounts.login_name.
const LOGIN_NAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export function isValidLoginName(name: unknown): name is string {
  return typeof name === "string" && LOGIN_NAME.test(name);
}

/** Throws AccountError("invalid_login") before anything builds a path or a query from `name`. */
export function assertLoginName(name: unknown): asserts name is string {
  if (!isValidLoginName(name)) {
    const shown = typeof name === "string" ? JSON.stringify(name.slice(0, 80)) : typeof name;
    throw new AccountError("invalid_login", `invalid login name ${shown}: 3-64 of a-z 0-9 . _ -, starting with a letter or digit`);
  }
}
