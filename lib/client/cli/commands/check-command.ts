import { runCheck } from "../../maintenance/run-check";
import type { CommandContext } from "../command-context";
import { exitCodes } from "../command-context";
import { runActivityCommand } from "../run-activity-command";

/** Every bad object was printed as an entry while the check ran; this adds the verdict. */
export async function checkCommand(ctx: CommandContext): Promise<number> {
  const readData = ctx.line.values["read-data"] === true;
  return runActivityCommand(ctx, "check", async (repo, activity) => {
    const { report, record } = await runCheck(repo, activity, { readData, signal: ctx.deps.signal });
    const errors = report.problems.filter((p) => p.severity === "error");
    ctx.output.result(
      () => [
        `checked ${report.snapshots} snapshots, ${report.packs} packs, ${report.blobs} blobs${readData ? ", read all data" : ""}`,
        errors.length === 0 ? "no errors were found" : `${errors.length} errors found: the objects named above are damaged`,
      ],
      () => ({ message_type: "summary", ok: report.ok, snapshots: report.snapshots, packs: report.packs, blobs: report.blobs, bytes_read: report.bytesRead, problems: report.problems, activity_id: record.id }),
    );
    return report.ok ? exitCodes.success : exitCodes.failure;
  });
}
