import type { StorageDriver } from "../../core/storage/driver";
import type { CliEnv } from "./cli-env";
import type { Output, CliStreams } from "./output";
import type { CommandLine } from "./parse-command-line";

/** What main() is given: injectable so tests can run the CLI in-process against fault drivers. */
export interface CliDeps {
  env: Readonly<Record<string, string | undefined>>;
  streams: CliStreams;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal;
  /** The storage of a repository path (default: a local directory driver). */
  createDriver?: (repoPath: string) => StorageDriver;
  /** Hidden prompt for passphrases when stdin is a terminal. */
  prompt?: (question: string) => Promise<string>;
}

export interface CommandContext {
  line: CommandLine;
  env: CliEnv;
  output: Output;
  deps: CliDeps;
}

/** Exit codes, as restic's: 3 = snapshot written but some files could not be read. */
export const exitCodes = { success: 0, failure: 1, partial: 3, interrupted: 130 } as const;
