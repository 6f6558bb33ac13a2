import { StorageError } from "./driver";

/** The errno code of a Node file-system error, if it is one. */
export function errnoCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null || !("code" in err)) return undefined;
  return typeof err.code === "string" ? err.code : undefined;
}

export function isErrno(err: unknown, ...codes: string[]): boolean {
  const code = errnoCode(err);
  return code !== undefined && codes.includes(code);
}

/**
 * Reads: a missing file, a missing parent (ENOTDIR: a parent is an object) and a directory where
 * the key points (EISDIR: the key is only a prefix of other keys) all mean "no object here".
 */
export function toReadError(err: unknown, key: string): StorageError {
  if (err instanceof StorageError) return err;
  if (isErrno(err, "ENOENT", "ENOTDIR", "EISDIR")) {
    return new StorageError("not_found", `no object ${key}`, { cause: err });
  }
  return ioError(err, `cannot read ${key}`);
}

/**
 * Writes: ENOSPC and EDQUOT are a full device (callers stop and report, they do not retry).
 * ENOTDIR/EISDIR mean the key collides with a directory of other keys ("a" vs "a/b"), which no
 * retry can fix, so it is refused as an invalid key. Everything else is "io" with the cause kept
 * for the logs; messages name the key, never the device path.
 */
export function toWriteError(err: unknown, key: string): StorageError {
  if (err instanceof StorageError) return err;
  if (isErrno(err, "ENOSPC", "EDQUOT")) {
    return new StorageError("no_space", `device full writing ${key}`, { cause: err });
  }
  if (isErrno(err, "ENOTDIR", "EISDIR")) {
    return new StorageError("invalid_key", `key ${key} collides with a prefix of other keys`, { cause: err });
  }
  return ioError(err, `cannot write ${key}`);
}

export function ioError(err: unknown, message: string): StorageError {
  if (err instanceof StorageError) return err;
  return new StorageError("io", message, { cause: err });
}
