import { redactUrl } from "../../../../db/bootstrap/redact-url";
import { createDatabase } from "../../../../db/client";
import { isDatabaseUnavailable } from "../../../../db/errors";
import { env } from "../../../env";
import { AccountError } from "../account-errors";
import { resetPasswordCommand, resumeCommand, setQuotaCommand, suspendCommand } from "./account-commands";
import { createAdminContext } from "./admin-context";
import type { AdminCommand } from "./command";
import { CliError, type AdminIo } from "./admin-io";
import { createAccountCommand } from "./create-account-command";
import { listCommand } from "./list-command";
import { usage } from "./usage";

const commands: Record<string, AdminCommand<unknown>> = {
  "create-account": createAccountCommand,
  "reset-password": resetPasswordCommand,
  suspend: suspendCommand,
  resume: resumeCommand,
  "set-quota": setQuotaCommand,
  list: listCommand,
};

/** bin/strongroom-admin: returns the exit code (0 done, 1 failed, 2 usage). */
export async function runAdminCli(argv: string[], io: AdminIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout(usage);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`strongroom-admin: unknown command ${JSON.stringify(name)}\n\n${usage}`);
    return 2;
  }
  let parsed: unknown;
  try {
    parsed = await command.parse(args, io);
  } catch (err) {
    io.stderr(`strongroom-admin: ${describe(err, "")}`);
    return 1;
  }
  const url = env.DATABASE_URL;
  if (!url) {
    io.stderr("strongroom-admin: DATABASE_URL is not set (in the environment or .env.local)");
    return 1;
  }
  const { db, pool } = createDatabase(url, 2);
  try {
    return await command.run(await createAdminContext(db, io), parsed);
  } catch (err) {
    io.stderr(`strongroom-admin: ${describe(err, url)}`);
    return 1;
  } finally {
    await pool.end();
  }
}

function describe(err: unknown, url: string): string {
  if (err instanceof CliError || err instanceof AccountError) return err.message;
  if (isDatabaseUnavailable(err)) return `cannot reach the metadata database at ${redactUrl(url)}: ${codeOf(err)}`;
  // Unexpected: the message helps the operator report it; the stack is not for the terminal.
  return `unexpected error: ${err instanceof Error ? err.message : String(err)}`;
}

function codeOf(err: unknown): string {
  for (let e: unknown = err, depth = 0; e && depth < 8; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return err instanceof Error ? err.message : String(err);
}
