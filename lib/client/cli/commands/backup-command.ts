import path from "node:path";
import { readExcludeFile } from "../../backup/read-exclude-file";
import { runBackup, type BackupResult } from "../../backup/run-backup";
import { clientVersion } from "../../version";
import type { CommandContext } from "../command-context";
import { exitCodes } from "../command-context";
import { formatBytes, formatDuration } from "../format";
import type { Output } from "../output";
import { integerFlag, stringFlag, stringsFlag } from "../parse-command-line";
import { runActivityCommand } from "../run-activity-command";

export async function backupCommand(ctx: CommandContext): Promise<number> {
  const v = ctx.line.values;
  const excludes = stringsFlag(v, "exclude");
  for (const file of stringsFlag(v, "exclude-file")) excludes.push(...(await readExcludeFile(path.resolve(ctx.deps.cwd, file))));
  const parent = stringFlag(v, "parent");
  const hostname = stringFlag(v, "host");
  const readConcurrency = integerFlag(v, "read-concurrency");
  return runActivityCommand(ctx, "backup", async (repo, activity) => {
    const result = await runBackup(repo, activity, {
      paths: ctx.line.positionals,
      cwd: ctx.deps.cwd,
      excludes,
      force: v.force === true,
      tags: stringsFlag(v, "tag"),
      programVersion: clientVersion,
      signal: ctx.deps.signal,
      ...(parent !== undefined ? { parent } : {}),
      ...(hostname !== undefined ? { hostname } : {}),
      ...(readConcurrency ? { readConcurrency } : {}),
    });
    printSummary(ctx.output, result);
    return result.record.status === "warning" ? exitCodes.partial : exitCodes.success;
  });
}

/** restic's summary, so users recognise it; JSON keys follow restic's `summary` message. */
function printSummary(output: Output, r: BackupResult): void {
  const c = r.counters;
  const files = c.filesNew + c.filesChanged + c.filesUnmodified;
  output.result(
    () => [
      `Files:       ${pad(c.filesNew)} new, ${pad(c.filesChanged)} changed, ${pad(c.filesUnmodified)} unmodified`,
      `Dirs:        ${pad(c.dirsNew)} new, ${pad(c.dirsChanged)} changed, ${pad(c.dirsUnmodified)} unmodified`,
      `Added to the repository: ${formatBytes(r.bytesAdded)} (${formatBytes(r.bytesStored)} stored)`,
      "",
      `processed ${files} files, ${formatBytes(c.bytesScanned)} in ${formatDuration(r.durationMs)} (read ${c.filesRead} files, ${formatBytes(c.bytesRead)})`,
      ...(c.skipped > 0 ? [`${c.skipped} entries could not be read and are not in the snapshot (see the warnings above)`] : []),
      `snapshot ${r.snapshotId.slice(0, 8)} saved`,
    ],
    () => ({
      message_type: "summary",
      files_new: c.filesNew,
      files_changed: c.filesChanged,
      files_unmodified: c.filesUnmodified,
      dirs_new: c.dirsNew,
      dirs_changed: c.dirsChanged,
      dirs_unmodified: c.dirsUnmodified,
      files_read: c.filesRead,
      bytes_read: c.bytesRead,
      entries_skipped: c.skipped,
      entries_excluded: c.excluded,
      data_added: r.bytesAdded,
      data_added_packed: r.bytesStored,
      total_files_processed: files,
      total_bytes_processed: c.bytesScanned,
      total_duration: r.durationMs / 1000,
      snapshot_id: r.snapshotId,
      parent_id: r.parentId,
      activity_id: r.record.id,
      status: r.record.status,
    }),
  );
}

function pad(n: number): string {
  return String(n).padStart(5);
}
