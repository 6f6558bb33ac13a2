/**
 * The repository's one typed error. `code` is a closed set the client and the server map to exit
 * codes and HTTP answers; `message` is safe to show a user (no key material, no stack of the
 * driver). `objects` names the storage keys (and blob ids, as "blob <hex>") a "damaged" error is
 * about, so a user can be told exactly what is broken.
 */
export type RepositoryErrorCode =
  /** No `config` object: the storage holds no repository (or a foreign one). */
  | "not_a_repository"
  /** No key file opens with this passphrase. */
  | "wrong_passphrase"
  /** `config` declares a format version this code does not know (written by a newer version). */
  | "unsupported_version"
  /** A conflicting lock is held by a live (or not yet provably dead) holder. */
  | "locked"
  /** An object is missing, fails its hash, does not decrypt or does not parse. */
  | "damaged"
  /** The storage device is full; nothing already committed was changed. */
  | "no_space"
  /** A snapshot, blob or tree that was asked for does not exist. */
  | "not_found"
  /** `init` on storage that already holds a repository. */
  | "already_exists"
  /** A caller passed something malformed (an ambiguous snapshot prefix, a bad KDF parameter). */
  | "invalid_argument"
  /** Any other storage failure. */
  | "io";

export class RepositoryError extends Error {
  readonly objects: readonly string[];
  constructor(
    readonly code: RepositoryErrorCode,
    message: string,
    options?: { cause?: unknown; objects?: readonly string[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "RepositoryError";
    this.objects = options?.objects ?? [];
  }
}

export function isRepositoryError(error: unknown, code?: RepositoryErrorCode): error is RepositoryError {
  return error instanceof RepositoryError && (code === undefined || error.code === code);
}
