import { isRepositoryError } from "../../core/repository";
import { StorageError } from "../../core/storage/driver";
import { ClientError } from "./client-error";
import { InterruptedError } from "./interrupted";

/**
 * One line for the user and for the activity summary. Repository and storage errors carry
 * messages that are safe to show (no key material, no driver internals); anything else is a bug,
 * shown with its message only (the stack goes to stderr with STRONGROOM_DEBUG=1).
 */
export function describeError(error: unknown): string {
  if (error instanceof ClientError) return error.message;
  if (error instanceof InterruptedError) return "interrupted";
  // The repository's messages are written for users ("Wrong passphrase: …", "The repository is
  // locked: exclusive lock by pid 12 on host …"): shown as they are.
  if (isRepositoryError(error)) return error.message;
  if (error instanceof StorageError) return error.code === "no_space" ? `storage device is full: ${error.message}` : `storage error: ${error.message}`;
  if (error instanceof Error) return `unexpected error: ${error.message}`;
  return `unexpected error: ${String(error)}`;
}
