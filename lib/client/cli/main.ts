import { isRepositoryError } from "../../core/repository";
import { ClientError } from "../util/client-error";
import { describeError } from "../util/describe-error";
import { InterruptedError } from "../util/interrupted";
import { readCliEnv } from "./cli-env";
import { exitCodes, type CliDeps, type CommandContext } from "./command-context";
import type { CommandName } from "./command-specs";
import { backupCommand } from "./commands/backup-command";
import { checkCommand } from "./commands/check-command";
import { forgetCommand } from "./commands/forget-command";
import { helpCommand, versionCommand } from "./commands/help-command";
import { initCommand } from "./commands/init-command";
import { keyCommand } from "./commands/key-command";
import { lsCommand } from "./commands/ls-command";
import { pruneCommand } from "./commands/prune-command";
import { repairCommand } from "./commands/repair-command";
import { restoreCommand } from "./commands/restore-command";
import { snapshotsCommand } from "./commands/snapshots-command";
import { Output } from "./output";
import { parseCommandLine } from "./parse-command-line";
import { finishRemoteSession } from "./remote-repository";

const handlers: Record<CommandName, (ctx: CommandContext) => Promise<number>> = {
  init: initCommand,
  backup: backupCommand,
  snapshots: snapshotsCommand,
  ls: lsCommand,
  restore: restoreCommand,
  check: checkCommand,
  forget: forgetCommand,
  prune: pruneCommand,
  repair: repairCommand,
  key: keyCommand,
  version: versionCommand,
  help: helpCommand,
};

/**
 * The whole CLI as a function of its arguments and injected world; returns the exit code. Every
 * failure ends here as one line on stderr ("strongroom: …", or an exit_error object with --json).
 */
export async function main(argv: readonly string[], deps: CliDeps): Promise<number> {
  const env = readCliEnv(deps.env);
  // Until the flags are parsed, guess the mode from the raw arguments so a usage error in --json
  // mode is still JSON.
  let output = new Output(deps.streams, argv.includes("--json"), false);
  let command = "strongroom";
  try {
    const line = parseCommandLine(argv);
    command = line.command;
    output = new Output(deps.streams, line.values.json === true, line.values.quiet === true);
    const ctx: CommandContext = { line, env, output, deps };
    if (line.values.help === true) return await helpCommand(ctx);
    try {
      return await handlers[line.command](ctx);
    } finally {
      // Commands that are not activities (snapshots, init, forget…) end their server session here.
      await finishRemoteSession(ctx, null).catch(() => {});
    }
  } catch (error) {
    if (error instanceof InterruptedError) {
      const snapshot = command === "backup" ? "; no snapshot was written" : "";
      output.error(`interrupted: ${command} stopped before it completed${snapshot}`, exitCodes.interrupted);
      return exitCodes.interrupted;
    }
    output.error(describeError(error), exitCodes.failure);
    const expected = error instanceof ClientError || isRepositoryError(error);
    if (env.debug && !expected && error instanceof Error && error.stack) deps.streams.stderr.write(`${error.stack}\n`);
    return exitCodes.failure;
  }
}
