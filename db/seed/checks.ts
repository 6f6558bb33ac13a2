import { formatCount, MiB, MINUTE, SECOND } from "./format";
import type { ActivityDraft, HistoryContext } from "./history";
import { describeCheckEnd } from "./messages";
import { kindProfiles } from "./profiles";

function countPacks(bytes: number): number {
  return Math.max(1, Math.round(bytes / (16 * MiB)));
}

/**
 * Servers' repositories are checked about monthly by the daemon (no client involved); every third
 * check re-reads and re-hashes all pack data.
 */
export function planChecks(context: HistoryContext, backups: readonly ActivityDraft[], initialUsedBytes: number): ActivityDraft[] {
  const { random, account, clock } = context;
  if (!kindProfiles[account.kind].server) return [];
  const checks: ActivityDraft[] = [];
  const offset = random.int(0, 29);
  for (let day = Math.max(context.firstDay + 1, offset); day <= clock.days; day += 30) {
    const startedAt = clock.dayStart(day) + random.int(5 * 60, 7 * 60) * MINUTE + random.int(0, 59_999);
    const usedBefore = initialUsedBytes + backups.filter((a) => a.endedAt < startedAt).reduce((sum, a) => sum + a.addedBytes, 0);
    const readData = checks.length % 3 === 2;
    const ms = Math.round((random.between(40, 240) + (readData ? usedBefore / (250 * MiB) : 0)) * SECOND);
    const endedAt = startedAt + ms;
    if (endedAt > context.endOfLife) break;
    const packs = countPacks(usedBefore);
    const indexes = Math.max(1, Math.ceil(packs / 400));
    checks.push({
      accountIndex: account.index,
      serverIndex: context.serverAt(startedAt),
      kind: "check",
      status: "success",
      startedAt,
      endedAt,
      filesCount: 0,
      bytesScanned: readData ? usedBefore : 0,
      bytesNew: 0,
      bytesStored: 0,
      errorCount: 0,
      warningCount: 0,
      clientHost: null,
      clientVersion: null,
      snapshotId: null,
      summary: `No errors found in ${formatCount(packs)} packs${readData ? " (all data re-read)" : ""}`,
      entries: [
        { level: "info", at: startedAt, path: null, message: `Check of the repository started${readData ? " (re-reading all pack data)" : ""}` },
        { level: "info", at: endedAt, path: null, message: describeCheckEnd(packs, indexes, readData ? usedBefore : null, ms) },
      ],
      snapshot: null,
      addedBytes: 0,
      bytesOut: 0,
    });
  }
  return checks;
}
