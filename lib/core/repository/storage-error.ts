import { StorageError } from "../storage/driver";
import { RepositoryError } from "./errors";

/** Maps a storage failure to the repository's error; "damaged" when an object we need is gone. */
export function toRepositoryError(error: unknown, key: string): unknown {
  if (error instanceof RepositoryError) return error;
  if (error instanceof StorageError || isCoded(error)) {
    const code = (error as { code: string }).code;
    if (code === "no_space" || code === "ENOSPC") return new RepositoryError("no_space", "The storage device is full.", { cause: error, objects: [key] });
    if (code === "not_found" || code === "ENOENT") return new RepositoryError("damaged", `Object ${key} is missing.`, { cause: error, objects: [key] });
    if (code === "out_of_range") return new RepositoryError("damaged", `Object ${key} is shorter than expected.`, { cause: error, objects: [key] });
  }
  return new RepositoryError("io", `Storage error on ${key}.`, { cause: error, objects: [key] });
}

function isCoded(error: unknown): boolean {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string";
}

export function isNotFound(error: unknown): boolean {
  return (error instanceof StorageError && error.code === "not_found") || (isCoded(error) && (error as { code: string }).code === "ENOENT");
}
