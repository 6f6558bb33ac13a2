/**
 * The closed set of ways an admin operation on accounts fails that the operator can act on. The
 * CLI prints the message as is; anything else is a bug or an outage and is reported as such.
 */
export type AccountErrorCode =
  | "invalid_login"
  | "duplicate_login"
  | "unknown_account"
  | "unknown_customer"
  | "unknown_device"
  | "device_not_mounted"
  | "invalid_quota"
  | "invalid_password"
  | "account_moving";

export class AccountError extends Error {
  constructor(
    readonly code: AccountErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AccountError";
  }
}
