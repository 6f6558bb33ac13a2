import type { CommandContext } from "../command-context";
import { formatBytes, formatTable, formatTime } from "../format";
import { withRepository } from "../with-repository";

export async function snapshotsCommand(ctx: CommandContext): Promise<number> {
  const snapshots = await withRepository(ctx, (repo) => repo.listSnapshots());
  ctx.output.result(
    () => [
      ...formatTable(
        ["ID", "Time", "Host", "Paths", "Files", "Size"],
        snapshots.map((s) => [s.id.slice(0, 8), formatTime(s.time), s.hostname, s.paths.join(", "), String(s.summary?.files ?? ""), s.summary ? formatBytes(s.summary.bytesScanned) : ""]),
      ),
      `${snapshots.length} snapshots`,
    ],
    () => snapshots.map((s) => ({ ...s, short_id: s.id.slice(0, 8) })),
  );
  return 0;
}
