import type { CommandContext } from "../command-context";
import { withRepository } from "../with-repository";

/**
 * `repair`: after `check` found damage, copies what still verifies out of damaged packs, drops
 * the rest from the index and deletes unreadable snapshots (the repository takes the exclusive
 * lock). The next backup of the same files uploads the lost data again, which heals older
 * snapshots that share it, because a file whose blobs are no longer indexed is read again.
 */
export async function repairCommand(ctx: CommandContext): Promise<number> {
  const dryRun = ctx.line.values["dry-run"] === true;
  const report = await withRepository(ctx, (repo) => repo.repair({ dryRun }));
  const verb = dryRun ? "would drop" : "dropped";
  ctx.output.result(
    () => [
      `${verb} ${report.packsDropped.length} damaged packs (${report.blobsSalvaged} blobs salvaged, ${report.blobsLost.length} lost)`,
      ...report.packsDropped.map((pack) => `  ${pack}`),
      `re-indexed ${report.packsReindexed} intact packs; ${dryRun ? "would remove" : "removed"} ${report.snapshotsRemoved.length} unreadable snapshots`,
      ...(report.blobsLost.length > 0 && !dryRun ? ["run a backup of the same paths to upload the lost data again, then check"] : []),
    ],
    () => ({ message_type: "summary", dry_run: dryRun, ...report }),
  );
  return 0;
}
