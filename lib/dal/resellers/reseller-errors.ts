import { AppError } from "../../errors";

export const resellerNameTaken = (name: string) => new AppError("conflict", `A reseller named “${name}” already exists.`);
export const loginTaken = (login: string) => new AppError("conflict", `The login ${login} is already in use.`);

/**
 * The driver's message of MySQL's duplicate-key error (ER_DUP_ENTRY, which names the index), or
 * null for any other error. drizzle wraps driver errors, so the cause chain is inspected.
 */
export function duplicateKeyMessage(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 8; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === "ER_DUP_ENTRY") return typeof message === "string" ? message : "";
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}
