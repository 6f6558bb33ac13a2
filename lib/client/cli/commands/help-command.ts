import { clientVersion } from "../../version";
import { commandSpecs, isCommandName } from "../command-specs";
import type { CommandContext } from "../command-context";
import { ClientError } from "../../util/client-error";

const globalHelp = [
  "Global flags:",
  "  -r, --repo PATH           repository (or STRONGROOM_REPO)",
  "  -p, --password-file FILE  passphrase from the first line of FILE (or STRONGROOM_PASSWORD)",
  "      --server URL          a backup server instead of --repo (or STRONGROOM_SERVER), with:",
  "      --account NAME        the backup account on it (or STRONGROOM_ACCOUNT)",
  "      --account-password-file FILE  account password (or STRONGROOM_ACCOUNT_PASSWORD)",
  "      --server-ca FILE      trust this PEM certificate for the server (or STRONGROOM_SERVER_CA)",
  "      --json                one JSON object per line on stdout",
  "  -q, --quiet               no progress and no informational output",
  "",
  "Exit codes: 0 success, 1 failure, 3 backup saved but some files could not be read, 130 interrupted.",
];

export function helpLines(command?: string): string[] {
  if (command !== undefined) {
    if (!isCommandName(command)) throw new ClientError("usage", `unknown command "${command}" (run "strongroom help" for the list)`);
    const spec = commandSpecs[command];
    return [`strongroom ${spec.usage}`, "", `  ${spec.summary}`, "", ...globalHelp];
  }
  const names = Object.keys(commandSpecs) as (keyof typeof commandSpecs)[];
  return [
    `strongroom ${clientVersion}: encrypted, deduplicated backups`,
    "",
    "Usage: strongroom [global flags] COMMAND [flags] [arguments]",
    "",
    "Commands:",
    ...names.map((n) => `  ${n.padEnd(10)} ${commandSpecs[n].summary}`),
    "",
    ...globalHelp,
  ];
}

export async function helpCommand(ctx: CommandContext): Promise<number> {
  const topic = ctx.line.command === "help" ? ctx.line.positionals[0] : ctx.line.command;
  for (const line of helpLines(topic)) ctx.output.print(line);
  return 0;
}

export async function versionCommand(ctx: CommandContext): Promise<number> {
  ctx.output.result(
    () => [`strongroom ${clientVersion} (node ${process.version})`],
    () => ({ message_type: "version", version: clientVersion, node: process.version }),
  );
  return 0;
}
