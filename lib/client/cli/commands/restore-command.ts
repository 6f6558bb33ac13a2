import path from "node:path";
import { runRestore } from "../../restore/run-restore";
import { ClientError } from "../../util/client-error";
import type { CommandContext } from "../command-context";
import { exitCodes } from "../command-context";
import { formatBytes, formatDuration } from "../format";
import { stringFlag, stringsFlag } from "../parse-command-line";
import { runActivityCommand } from "../run-activity-command";

export async function restoreCommand(ctx: CommandContext): Promise<number> {
  const target = stringFlag(ctx.line.values, "target");
  if (!target) throw new ClientError("usage", "restore: --target DIR is required");
  const snapshot = ctx.line.positionals[0] as string;
  const includes = stringsFlag(ctx.line.values, "include");
  return runActivityCommand(ctx, "restore", async (repo, activity) => {
    const targetPath = path.resolve(ctx.deps.cwd, target);
    const r = await runRestore(repo, activity, { snapshot, target: targetPath, includes, signal: ctx.deps.signal });
    ctx.output.result(
      () => [
        `restored snapshot ${r.snapshotId.slice(0, 8)} to ${targetPath}`,
        `Summary: restored ${r.filesRestored} files, ${formatBytes(r.bytesRestored)} in ${formatDuration(r.record.figures.durationMs)}`,
        ...(r.failed > 0 ? [`${r.failed} entries could NOT be restored (see the errors above)`] : []),
      ],
      () => ({
        message_type: "summary",
        snapshot_id: r.snapshotId,
        files_restored: r.filesRestored,
        bytes_restored: r.bytesRestored,
        entries_failed: r.failed,
        total_duration: r.record.figures.durationMs / 1000,
        activity_id: r.record.id,
        status: r.record.status,
      }),
    );
    return r.failed > 0 ? exitCodes.failure : exitCodes.success;
  });
}
