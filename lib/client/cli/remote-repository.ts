import fs from "node:fs/promises";
import type { ActivityHeader, ActivityKind, ActivityRecord } from "../../core/activity";
import { createRemoteDriver, type RemoteDriver } from "../remote";
import { ClientError } from "../util/client-error";
import type { CommandContext } from "./command-context";
import { stringFlag } from "./parse-command-line";
import { readPassphrase } from "./read-passphrase";

export interface RemoteTarget {
  url: string;
  account: string;
}

/** --server and --account (or STRONGROOM_SERVER / STRONGROOM_ACCOUNT); null for a local --repo. */
export function remoteTarget(ctx: CommandContext): RemoteTarget | null {
  const url = stringFlag(ctx.line.values, "server") ?? ctx.env.server;
  if (url === undefined || url === "") return null;
  if (stringFlag(ctx.line.values, "repo") !== undefined) throw new ClientError("usage", "use either --repo PATH or --server URL, not both");
  const account = stringFlag(ctx.line.values, "account") ?? ctx.env.account;
  if (account === undefined || account === "") throw new ClientError("usage", "--server needs --account NAME (or STRONGROOM_ACCOUNT)");
  if (!/^https:\/\//.test(url)) throw new ClientError("usage", `--server needs an https:// URL, got ${JSON.stringify(url)}`);
  return { url, account };
}

// One driver (one session, one connection pool) per CLI run.
const drivers = new WeakMap<CommandContext, RemoteDriver>();

/** The remote driver of this run, created on first use; the account password is read here. */
export async function remoteDriverFor(ctx: CommandContext, target: RemoteTarget): Promise<RemoteDriver> {
  const existing = drivers.get(ctx);
  if (existing) return existing;
  const password = await readPassphrase({
    file: stringFlag(ctx.line.values, "account-password-file"),
    env: ctx.env.accountPassword,
    envName: "STRONGROOM_ACCOUNT_PASSWORD",
    flagName: "--account-password-file",
    ...(ctx.deps.prompt ? { prompt: ctx.deps.prompt } : {}),
    question: `password for account ${target.account}: `,
  });
  const caFile = stringFlag(ctx.line.values, "server-ca") ?? ctx.env.serverCa;
  let ca: Buffer | undefined;
  if (caFile !== undefined && caFile !== "") {
    try {
      ca = await fs.readFile(caFile);
    } catch (error) {
      throw new ClientError("invalid_argument", `cannot read --server-ca ${caFile} (${(error as { code?: string }).code ?? "error"})`);
    }
  }
  const driver = createRemoteDriver({ url: target.url, account: target.account, password, ...(ca ? { ca } : {}) });
  drivers.set(ctx, driver);
  return driver;
}

/** Tells the server (at session open) which activity this run is, so it can journal it. */
export function prepareRemoteActivity(ctx: CommandContext, kind: ActivityKind, header: ActivityHeader): void {
  drivers.get(ctx)?.prepareSession(kind, header);
}

/** Ends the run's session (with the activity's record, when there is one); a no-op locally. */
export async function finishRemoteSession(ctx: CommandContext, record: ActivityRecord | null): Promise<void> {
  const driver = drivers.get(ctx);
  if (!driver) return;
  drivers.delete(ctx);
  await driver.finishSession(record);
}
