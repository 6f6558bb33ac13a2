import { ClientError } from "../../util/client-error";
import type { CommandContext } from "../command-context";
import { passphraseFor } from "../open-cli-repository";
import { stringFlag } from "../parse-command-line";
import { readPassphrase } from "../read-passphrase";
import { withRepository } from "../with-repository";

/** `key passwd`: re-wraps the master key under a new passphrase; no data is rewritten. */
export async function keyCommand(ctx: CommandContext): Promise<number> {
  const sub = ctx.line.positionals[0];
  if (sub !== "passwd") throw new ClientError("usage", `key: unknown subcommand "${sub ?? ""}" (usage: strongroom key passwd [--new-password-file FILE])`);
  const oldPassphrase = await passphraseFor(ctx);
  const newPassphrase = await readPassphrase({
    file: stringFlag(ctx.line.values, "new-password-file"),
    env: ctx.env.newPassword,
    envName: "STRONGROOM_NEW_PASSWORD",
    flagName: "--new-password-file",
    ...(ctx.deps.prompt ? { prompt: ctx.deps.prompt } : {}),
    question: "enter new passphrase: ",
  });
  await withRepository(ctx, (repo) => repo.changePassphrase(oldPassphrase, newPassphrase));
  ctx.output.result(
    () => ["saved new passphrase; the old one no longer opens this repository"],
    () => ({ message_type: "key_changed" }),
  );
  return 0;
}
