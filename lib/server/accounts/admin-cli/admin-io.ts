/** What a command may touch outside its arguments: injected so tests and the bin share one path. */
export interface AdminIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** The process environment; read here only for the account password (DATABASE_URL goes through lib/env). */
  env: Record<string, string | undefined>;
}

/** A failure the operator can fix: printed as is, exit 1. */
export class CliError extends Error {
  override name = "CliError";
}
