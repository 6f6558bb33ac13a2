import { formatBytes, formatCount, formatDuration, MINUTE, SECOND } from "./format";
import type { ActivityDraft, EntryPlan, HistoryContext } from "./history";
import { describeRestoreStart, pickDataFile } from "./messages";
import type { AccountPlan } from "./tenants";

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function describeRestoreTarget(account: AccountPlan, at: number): string {
  const date = isoDate(at);
  if (account.kind === "laptop" || account.kind === "desktop") {
    if (account.os === "windows") return `C:\\Users\\${account.user}\\Desktop\\Restored ${date}`;
    if (account.os === "macos") return `/Users/${account.user}/Desktop/Restored ${date}`;
    return `/home/${account.user}/restored-${date}`;
  }
  if (account.os === "windows") return "the original location (D:\\Shares)";
  return `/srv/restore/${date}`;
}

/** Now and then somebody needs a file back: a restore from the latest snapshot before that moment. */
export function planRestores(context: HistoryContext, backups: readonly ActivityDraft[]): ActivityDraft[] {
  const { random, account, clock, year } = context;
  const restores: ActivityDraft[] = [];
  const count = random.weighted([[0, 0.6], [1, 0.3], [2, 0.1]] as const);
  for (let r = 0; r < count; r++) {
    const day = random.int(context.firstDay + 1, clock.days);
    const startedAt = clock.dayStart(day) + random.int(9 * 60, 17 * 60) * MINUTE + random.int(0, 59_999);
    const source = [...backups].reverse().find((a) => a.kind === "backup" && a.snapshot && a.endedAt < startedAt)?.snapshot;
    if (!source) continue;
    const files = random.weighted([[random.int(1, 20), 0.5], [random.int(20, 500), 0.35], [random.int(500, 5000), 0.15]] as const);
    const bytes = Math.round(random.vary(files * account.avgFileBytes, 0.5));
    const ms = Math.round((5 + bytes / (account.uploadBytesPerSecond * 3)) * SECOND) + random.int(0, 999);
    const endedAt = startedAt + ms;
    if (endedAt > context.endOfLife) continue;
    const serverIndex = context.serverAt(startedAt);
    const target = describeRestoreTarget(account, startedAt);
    const skipped = random.chance(0.15) ? random.int(1, Math.min(3, files)) : 0;
    const warnings: EntryPlan[] = [];
    for (let s = 0; s < skipped; s++) {
      warnings.push({
        level: "warning",
        at: startedAt + Math.round(ms * random.between(0.1, 0.9)),
        path: pickDataFile(random, account, year),
        message: "skipped: a newer file exists at the destination (restore to another folder to keep both)",
      });
    }
    warnings.sort((a, b) => a.at - b.at);
    const restored = files - skipped;
    const short = source.snapshotId.slice(0, 8);
    const noun = restored === 1 ? "file" : "files";
    restores.push({
      accountIndex: account.index,
      serverIndex,
      kind: "restore",
      status: skipped > 0 ? "warning" : "success",
      startedAt,
      endedAt,
      filesCount: restored,
      bytesScanned: bytes,
      bytesNew: 0,
      bytesStored: 0,
      errorCount: 0,
      warningCount: skipped,
      clientHost: account.host,
      clientVersion: context.versionOn(day),
      snapshotId: source.snapshotId,
      summary:
        skipped > 0
          ? `Restored ${formatCount(restored)} of ${formatCount(files)} files from snapshot ${short}: ${skipped} skipped (newer file at destination)`
          : `Restored ${formatCount(restored)} ${noun} (${formatBytes(bytes)}) from snapshot ${short}`,
      entries: [
        { level: "info", at: startedAt, path: null, message: describeRestoreStart(source.snapshotId, source.takenAt, files, target) },
        ...warnings,
        { level: "info", at: endedAt, path: null, message: `Restored ${formatCount(restored)} ${noun} (${formatBytes(bytes)}) in ${formatDuration(ms)}` },
      ],
      snapshot: null,
      addedBytes: 0,
      bytesOut: bytes,
    });
  }
  return restores;
}
