import { RepositoryError } from "../../core/repository";
import { StorageError } from "../../core/storage/driver";

/**
 * The server's error answer as the error the repository code handles. Object-level answers keep
 * their StorageError meaning (missing object, range past the end, invalid key). Everything else
 * (quota, full device, credentials, suspension, conflicts, limits) becomes a RepositoryError with
 * the server's own message, written for users: the repository passes RepositoryErrors through
 * unchanged, where a StorageError would be reduced to "Storage error on <key>." and the reason
 * (say, "storage quota exceeded") lost. Quota and full device are "no_space": the backup stops
 * cleanly, without a snapshot.
 */
export function remoteError(status: number, body: string, where: string): StorageError | RepositoryError {
  let code = "";
  let message = `HTTP ${status}`;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: string; message?: string } };
    code = parsed.error?.code ?? "";
    message = parsed.error?.message ?? message;
  } catch {
    // Not ours (a proxy's HTML page): the status is all we have.
  }
  const text = `backup server ${where}: ${message}`;
  if (code === "not_found") return new StorageError("not_found", text);
  if (code === "range_not_satisfiable") return new StorageError("out_of_range", text);
  if (code === "invalid_key") return new StorageError("invalid_key", text);
  if (code === "no_space" || code === "over_quota") return new RepositoryError("no_space", text);
  return new RepositoryError("io", text);
}

/** A connection that failed (refused, reset, TLS) after the retries. */
export function connectionError(error: unknown, where: string): RepositoryError {
  return new RepositoryError("io", `backup server ${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
