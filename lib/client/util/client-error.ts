/**
 * Errors the client expects and explains in one line: bad usage, missing settings, unsafe restore
 * manifests. Repository problems stay RepositoryError; `describe-error.ts` maps both to messages.
 */
export type ClientErrorCode = "usage" | "no_repository_given" | "no_passphrase" | "unsafe_path" | "source_missing" | "invalid_argument";

export class ClientError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ClientError";
  }
}
