import { PermanentDeliveryError } from "../../core/outbox/permanent-error";

/** The account was deleted (or never existed here): retrying cannot make it appear. */
export class UnknownAccountError extends PermanentDeliveryError {
  constructor(readonly accountId: number) {
    super(`activity for unknown account ${accountId}`);
    this.name = "UnknownAccountError";
  }
}

/**
 * The idempotency key is already stored for a different run (another account, kind or start):
 * two activities claimed the same id. Overwriting either would lose data, so the newcomer parks.
 */
export class IdempotencyConflictError extends PermanentDeliveryError {
  constructor(key: string) {
    super(`idempotency key ${key} is already stored for a different activity`);
    this.name = "IdempotencyConflictError";
  }
}

/** A record the database can never accept (an unparseable time, a value out of range). */
export class InvalidActivityError extends PermanentDeliveryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "InvalidActivityError";
  }
}

/** The mysql2 error code anywhere in a cause chain (drizzle wraps driver errors). */
export function databaseErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 8; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Errors that the same statement will hit again on every retry: strict-mode value errors and
 * foreign keys to rows that are gone. Lock waits, deadlocks and lost connections are transient.
 */
const permanentCodes = new Set([
  "ER_DATA_TOO_LONG",
  "ER_TRUNCATED_WRONG_VALUE",
  "ER_TRUNCATED_WRONG_VALUE_FOR_FIELD",
  "ER_WARN_DATA_OUT_OF_RANGE",
  "ER_BAD_NULL_ERROR",
  "WARN_DATA_TRUNCATED", // a value outside an ENUM (a level or status this schema does not know)
  "ER_NO_REFERENCED_ROW",
  "ER_NO_REFERENCED_ROW_2",
]);

/**
 * Gives a failed store a one-line message (drizzle's own message holds the whole statement and
 * its parameters: a 1,000-row batch in every log line), and marks the errors no retry can fix.
 */
export function describeStoreError(recordId: string, error: unknown): Error {
  if (error instanceof PermanentDeliveryError) return error;
  const code = databaseErrorCode(error);
  const cause = (error as { cause?: unknown } | null)?.cause ?? error;
  const detail = (cause as { sqlMessage?: unknown }).sqlMessage ?? (cause instanceof Error ? cause.message : String(cause));
  const message = `cannot store activity ${recordId}: ${code ?? "error"}: ${String(detail).slice(0, 300)}`;
  if (code && permanentCodes.has(code)) return new InvalidActivityError(message, { cause });
  return Object.assign(new Error(message, { cause }), { code });
}
