import { runPrune } from "../../maintenance/run-prune";
import type { CommandContext } from "../command-context";
import { formatBytes } from "../format";
import { runActivityCommand } from "../run-activity-command";

export async function pruneCommand(ctx: CommandContext): Promise<number> {
  const dryRun = ctx.line.values["dry-run"] === true;
  return runActivityCommand(ctx, "prune", async (repo, activity) => {
    const { report, record } = await runPrune(repo, activity, { dryRun });
    ctx.output.result(
      () => [
        `${dryRun ? "would delete" : "deleted"} ${report.packsDeleted + report.unindexedPacksDeleted} packs, repacked ${report.packsRepacked}, removed ${report.blobsRemoved} blobs`,
        `${dryRun ? "would free" : "freed"} ${formatBytes(report.bytesFreed)}`,
      ],
      () => ({ message_type: "summary", dry_run: dryRun, ...report, activity_id: record.id }),
    );
    return 0;
  });
}
