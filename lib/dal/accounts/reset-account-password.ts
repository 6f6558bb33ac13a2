import "server-only";
import { hashPassword } from "../../auth/password";
import { generateAccountPassword } from "../../server/accounts/account-password";
import type { ChangeOrigin } from "../audit/record-audit-event";
import type { DalContext } from "../context";
import { changeAccount } from "./change-account";

/**
 * A new random backup password (as the admin CLI makes them), stored as an argon2id hash. The
 * caller shows it once; it is never stored in clear, and the audit row records only that it happened.
 */
export async function resetAccountPassword(ctx: DalContext, accountId: number, origin: ChangeOrigin): Promise<{ password: string }> {
  const password = generateAccountPassword();
  // Hashed before the transaction: 20-40 ms of argon2 should not hold the row lock.
  const passwordHash = await hashPassword(password);
  await changeAccount(ctx, accountId, origin, () => ({ action: "account.password.reset", set: { passwordHash } }));
  return { password };
}
