import type { Command } from "../run-measured";

/** One backup program under test: how to set up a repository, back up and restore the latest. */
export interface BackupTool {
  name: string;
  /** Version and the settings that matter for the comparison, for the report. */
  describe(): string;
  /** Creates an empty repository (not timed). */
  init(repo: string): void;
  backup(repo: string, source: string): Command;
  restore(repo: string, target: string): Command;
  /** Directories besides the repository to delete after a round (caches). */
  scratch(repo: string): string[];
}
