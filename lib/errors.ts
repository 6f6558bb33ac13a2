import { isDatabaseUnavailable } from "../db/errors";
import { DB_UNAVAILABLE_DIGEST } from "./error-digests";

/**
 * The one application error. `code` is a closed set the UI and route handlers map to answers;
 * `message` is safe to show to the user. Anything else thrown is a bug: logged, shown generically.
 */
export const errorCodes = {
  unauthenticated: 401,
  not_found: 404,
  invalid_input: 400,
  rate_limited: 429,
  conflict: 409,
  db_unavailable: 503,
} as const;
export type ErrorCode = keyof typeof errorCodes;


export class AppError extends Error {
  readonly digest?: string;
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
    if (code === "db_unavailable") this.digest = DB_UNAVAILABLE_DIGEST;
  }
  get status(): number {
    return errorCodes[this.code];
  }
}

export const dbUnavailableMessage = "The metadata database is unavailable. Backups keep running; try again in a minute.";

/** Turns driver connection failures into the typed error; anything else passes through. */
export function toAppError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new AppError("db_unavailable", dbUnavailableMessage, { cause: error });
  return error;
}
