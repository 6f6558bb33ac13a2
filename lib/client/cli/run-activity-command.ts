import os from "node:os";
import { startActivity, type Activity, type ActivityKind } from "../../core/activity";
import type { Repository, RepositoryEvent } from "../../core/repository";
import { finishFailed } from "../util/finish-failed";
import { clientVersion } from "../version";
import { createCliActivitySink, type CliActivitySink } from "./cli-activity-sink";
import type { CommandContext } from "./command-context";
import { openCliRepository, resolveAccess, type RepositoryAccess } from "./open-cli-repository";
import { finishRemoteSession, prepareRemoteActivity } from "./remote-repository";

/**
 * The frame of backup, restore, check and prune. Usage errors (no --repo, no passphrase) are
 * plain errors; from opening on, everything is part of the activity, so a wrong passphrase or a
 * missing repository is a failed activity too (printed; it is written to `logs/` only once the
 * repository has opened: we do not write into storage we could not authenticate to).
 */
export async function runActivityCommand(
  ctx: CommandContext,
  kind: ActivityKind,
  body: (repo: Repository, activity: Activity) => Promise<number>,
): Promise<number> {
  const access = await resolveAccess(ctx);
  const sink = createCliActivitySink(ctx.output);
  const activity = await startActivity(kind, sink, { host: os.hostname(), clientVersion });
  prepareRemoteActivity(ctx, kind, activity.header);
  try {
    return await runOpened(ctx, access, sink, activity, body);
  } finally {
    // Through a backup server: hand it the record, which it stores durably before answering.
    // A server gone by now costs the server-side log only: the run's own result stands.
    await finishRemoteSession(ctx, sink.record).catch((error: unknown) => ctx.output.warn(`could not report the activity to the backup server: ${error instanceof Error ? error.message : String(error)}`));
  }
}

async function runOpened(
  ctx: CommandContext,
  access: RepositoryAccess,
  sink: CliActivitySink,
  activity: Activity,
  body: (repo: Repository, activity: Activity) => Promise<number>,
): Promise<number> {
  let repo: Repository;
  const onEvent = (event: RepositoryEvent) => {
    if (event.type === "lock_refresh_failed") activity.entry("warning", null, `could not refresh the repository lock: ${String(event.error)}`);
  };
  try {
    repo = await openCliRepository(ctx, access, onEvent);
  } catch (error) {
    throw await finishFailed(activity, error, { files: 0, bytesScanned: 0, bytesNew: 0, bytesStored: 0, dedupRatio: 0 });
  }
  sink.logTo(repo.driver);
  try {
    return await body(repo, activity);
  } finally {
    await repo.close();
  }
}
