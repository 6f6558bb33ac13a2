import { randomBytes } from "node:crypto";
import { AccountError } from "./account-errors";

// Backup credentials are typed into a client config once, not remembered: require a length that
// resists offline guessing if a cache file leaks, and bound it so hashing stays cheap.
const MIN_LENGTH = 12;
const MAX_LENGTH = 1024;

export function assertAccountPassword(password: string): void {
  if (password.length < MIN_LENGTH || password.length > MAX_LENGTH) {
    throw new AccountError("invalid_password", `the account password must be ${MIN_LENGTH} to ${MAX_LENGTH} characters`);
  }
}

/** 24 random bytes as base64url: 32 characters, 192 bits, safe in a shell and a config file. */
export function generateAccountPassword(): string {
  return randomBytes(24).toString("base64url");
}
