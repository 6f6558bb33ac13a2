/**
 * A delivery that can never succeed, however often it is retried (an activity for an account that
 * no longer exists, a record the database refuses). The outbox worker parks such an item in
 * `dead/` with the reason instead of retrying it: the queue delivers in order and stops at the
 * first failure, so one poison item retried forever would hold back every activity behind it.
 * Anything else thrown by a delivery is treated as transient and retried with backoff.
 */
export class PermanentDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentDeliveryError";
  }
}

/** An outbox file that is not what append() writes (disk corruption, a hand-edited file). */
export class CorruptOutboxItemError extends PermanentDeliveryError {
  constructor(id: string, options?: { cause?: unknown }) {
    super(`outbox item ${id} is unreadable`, options);
    this.name = "CorruptOutboxItemError";
  }
}

export function isPermanentDeliveryError(error: unknown): error is PermanentDeliveryError {
  return error instanceof PermanentDeliveryError;
}
