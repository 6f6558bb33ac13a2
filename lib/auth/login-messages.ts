export const loginErrorCodes = ["invalid_input", "invalid_credentials", "locked", "disabled", "db_unavailable"] as const;
export type LoginErrorCode = (typeof loginErrorCodes)[number];

/** What the person at the login form reads for each outcome. */
export function loginMessage(code: LoginErrorCode, detail?: string): string {
  switch (code) {
    case "invalid_input":
      return "Enter your login and password.";
    case "invalid_credentials":
      return "That login and password do not match.";
    case "locked": {
      const minutes = Number(detail) || 15;
      return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
    }
    case "disabled":
      return "This user is disabled. Ask your provider to enable it.";
    case "db_unavailable":
      return "The metadata database is unavailable, so nobody can sign in right now. Try again in a minute.";
  }
}
