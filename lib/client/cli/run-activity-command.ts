import os from "node:os";
import { startActivity, type Activity, type ActivityKind } from "../../core/activity";
import type { Repository, RepositoryEvent } from "../../core/repository";
import { finishFailed } from "../util/finish-failed";
import { clientVersion } from "../version";
import { createCliActivitySink } from "./cli-activity-sink";
import type { CommandContext } from "./command-context";
import { openCliRepository, resolveAccess } from "./open-cli-repository";

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
