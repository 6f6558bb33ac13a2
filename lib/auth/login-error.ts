import { CredentialsSignin } from "next-auth";
import { loginErrorCodes, type LoginErrorCode } from "./login-messages";


/**
 * Thrown from `authorize`; Auth.js hands `code` back to the sign-in action (and puts it in the
 * redirect URL for API sign-ins), so it carries no secrets: a code and, when locked, minutes.
 */
export class LoginError extends CredentialsSignin {
  constructor(code: LoginErrorCode, detail?: string) {
    super();
    this.code = detail ? `${code}:${detail}` : code;
  }
}

export function parseLoginErrorCode(code: string | undefined): { code: LoginErrorCode; detail?: string } {
  const [head, detail] = (code ?? "").split(":", 2);
  const known = loginErrorCodes.find((c) => c === head);
  return { code: known ?? "invalid_credentials", detail };
}
