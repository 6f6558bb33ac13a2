import type { Database } from "../../../db/client";
import { hashPassword } from "../../auth/password";
import { assertAccountPassword } from "./account-password";
import type { MountedDevice } from "./account-record";
import { changeAccount, type ChangeOptions, type ChangeResult } from "./change-account";

/** New credentials in MySQL and the device cache; the audit row records that it happened, nothing more. */
export async function resetAccountPassword(
  db: Database,
  input: { loginName: string; password: string },
  devices: MountedDevice[],
  options: ChangeOptions = {},
): Promise<ChangeResult> {
  assertAccountPassword(input.password);
  // Hashed before the transaction: 20-40 ms of argon2 should not hold the row lock.
  const passwordHash = await hashPassword(input.password);
  return changeAccount(db, devices, input.loginName, options, () => ({ action: "account.password.reset", set: { passwordHash } }));
}
