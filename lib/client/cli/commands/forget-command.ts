import type { ForgetPolicy } from "../../../core/repository";
import { forgetSnapshots, isEmptyPolicy } from "../../maintenance/forget-snapshots";
import { ClientError } from "../../util/client-error";
import type { CommandContext } from "../command-context";
import { formatTable, formatTime } from "../format";
import { integerFlag } from "../parse-command-line";
import { withRepository } from "../with-repository";
import { pruneCommand } from "./prune-command";

export async function forgetCommand(ctx: CommandContext): Promise<number> {
  const v = ctx.line.values;
  const policy: ForgetPolicy = {};
  const set = (key: keyof ForgetPolicy, flag: string) => {
    const n = integerFlag(v, flag);
    if (n !== undefined) (policy as Record<string, number>)[key] = n;
  };
  set("keepLast", "keep-last");
  set("keepHourly", "keep-hourly");
  set("keepDaily", "keep-daily");
  set("keepWeekly", "keep-weekly");
  set("keepMonthly", "keep-monthly");
  set("keepYearly", "keep-yearly");
  // restic refuses an empty policy too: it would remove every snapshot.
  if (isEmptyPolicy(policy)) throw new ClientError("usage", "forget: give at least one --keep-* flag (an empty policy would remove every snapshot)");
  const dryRun = v["dry-run"] === true;
  const groups = await withRepository(ctx, (repo) => forgetSnapshots(repo, policy, { dryRun }));
  ctx.output.result(
    () =>
      groups.flatMap((g) => [
        `snapshots of host ${g.hostname}, paths [${g.paths.join(", ")}]:`,
        `keep ${g.decision.keep.length} snapshots:`,
        ...formatTable(
          ["ID", "Time", "Reasons"],
          g.decision.keep.map((s) => [s.id.slice(0, 8), formatTime(s.time), (g.decision.reasons[s.id] ?? []).join(", ")]),
        ),
        `${dryRun ? "would remove" : "removed"} ${g.decision.remove.length} snapshots${g.decision.remove.length ? ":" : ""}`,
        ...g.decision.remove.map((s) => `  ${s.id.slice(0, 8)}  ${formatTime(s.time)}`),
        "",
      ]),
    () =>
      groups.map((g) => ({
        host: g.hostname,
        paths: g.paths,
        keep: g.decision.keep.map((s) => s.id),
        remove: g.decision.remove.map((s) => s.id),
        reasons: g.decision.reasons,
        dry_run: dryRun,
      })),
  );
  if (v.prune === true && !dryRun) return pruneCommand(ctx);
  return 0;
}
