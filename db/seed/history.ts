import type { ActivityKind, ActivityStatus, EntryLevel } from "../schema";
import { formatBytes, formatDuration, GiB, MiB, MINUTE, SECOND } from "./format";
import { planChecks } from "./checks";
import type { InfrastructurePlan } from "./infrastructure";
import {
  describeBackupEnd,
  describeBackupStart,
  describeBackupSummary,
  describeFailedEnd,
  describeNetworkFailure,
  describeQuotaFailure,
  describeSkippedSummary,
  pickDataFile,
  pickProblemFiles,
} from "./messages";
import type { SeedClock } from "./options";
import { kindProfiles } from "./profiles";
import type { Random } from "./random";
import { planRestores } from "./restores";
import type { AccountPlan } from "./tenants";

export interface EntryPlan {
  level: EntryLevel;
  at: number;
  path: string | null;
  message: string;
}

export interface SnapshotPlan {
  snapshotId: string;
  takenAt: number;
  host: string;
  paths: string;
  filesCount: number;
  bytesTotal: number;
  bytesAdded: number;
}

export interface ActivityPlan {
  accountIndex: number;
  /** Position in the account's history, for the idempotency key. */
  sequence: number;
  serverIndex: number;
  kind: ActivityKind;
  status: ActivityStatus;
  startedAt: number;
  endedAt: number;
  filesCount: number;
  bytesScanned: number;
  bytesNew: number;
  bytesStored: number;
  errorCount: number;
  warningCount: number;
  /** Null for checks, which the daemon runs without a client. */
  clientHost: string | null;
  clientVersion: string | null;
  snapshotId: string | null;
  summary: string;
  entries: EntryPlan[];
  snapshot: SnapshotPlan | null;
  /** Bytes the run added to the repository (its stored bytes when a snapshot was committed). */
  addedBytes: number;
  /** Bytes sent to the client (restores). */
  bytesOut: number;
}

/** An activity before its place in the account's history is known. */
export type ActivityDraft = Omit<ActivityPlan, "sequence">;

/** What restores and checks need to know about the account's history. */
export interface HistoryContext {
  random: Random;
  account: AccountPlan;
  clock: SeedClock;
  year: number;
  /** The first history day the account exists on. */
  firstDay: number;
  /** No activity ends after this: suspension, a client that stopped running, or now. */
  endOfLife: number;
  serverAt(at: number): number;
  versionOn(day: number): string;
}

export interface AccountHistory {
  account: AccountPlan;
  activities: ActivityPlan[];
  /** Repository size when the history starts (0 for accounts created during it). */
  initialUsedBytes: number;
  quotaBytes: number;
}

type BackupOutcome = "success" | "warning" | "network" | "interrupted" | "source" | "quota";

/** Every backup, restore and check of one account over the history, with entries and snapshots. */
export function planAccountHistory(random: Random, account: AccountPlan, clock: SeedClock, infrastructure: InfrastructurePlan): AccountHistory {
  const year = new Date(clock.now).getUTCFullYear();
  const profile = kindProfiles[account.kind];
  const serverName = (index: number) => infrastructure.servers[index]?.name ?? "backup-01";
  const versionOn = (day: number) => (account.upgrade && day >= account.upgrade.day ? account.upgrade.version : account.clientVersion);
  const serverAt = (at: number): number => {
    const moved = account.move !== null && at < account.move.switchAt;
    const device = moved && account.move ? account.move.fromDevice : account.deviceIndex;
    const home = moved && account.move ? account.move.fromServer : account.homeServer;
    const others = (infrastructure.devices[device]?.mountedBy ?? []).filter((s) => s !== home);
    return others.length > 0 && random.chance(0.08) ? random.pick(others) : home;
  };
  // The client stops at whichever comes first: suspension, a client that stopped running, or now.
  const endOfLife = Math.min(clock.now, account.suspendAt ?? Infinity, account.stopDay === null ? Infinity : clock.dayStart(account.stopDay));

  const activities: ActivityDraft[] = [];
  const quotaRuns: { activity: ActivityDraft; needed: number; failAt: number }[] = [];
  let dataset = account.datasetBytes;
  let files = Math.max(1, Math.round(dataset / account.avgFileBytes));
  let cumulativeAdded = 0;
  let busyUntil = -Infinity;
  // Accounts older than the history start with a repository of their own: the data compressed and
  // deduplicated, plus older versions.
  const estimatedInitial = account.createdDay === null ? Math.round(account.datasetBytes * account.compressRatio * random.between(1.1, 1.6)) : 0;
  // Churn is capped so that even a long history fits the largest quota this kind of machine gets.
  const quotaCeiling = account.role === "quota" ? account.quotaBytes : Math.max(account.quotaBytes, ...profile.quotasGiB.map((q) => q * GiB));
  const changeRate = Math.min(account.changeRate, (0.3 * quotaCeiling) / (Math.max(30, clock.days) * account.datasetBytes * account.compressRatio * 1.2));
  // The data itself grows by a steady share of its first size each day (5-35% a year).
  const dailyGrowth = (account.datasetBytes * random.between(0.05, 0.35)) / 365;

  interface BuiltRun {
    activity: ActivityDraft;
    quota: { needed: number; failAt: number } | null;
    growth: number;
  }

  const buildBackup = (day: number, startedAt: number, initial: boolean, outcome: BackupOutcome): BuiltRun => {
    const serverIndex = serverAt(startedAt);
    const version = versionOn(day);
    const added = initial ? dataset : Math.min(dataset, Math.round(random.vary(dataset * changeRate, 0.6)));
    const stored = Math.round(added * account.compressRatio * random.between(0.85, 1.15));
    const scanRate = initial ? account.scanFilesPerSecond / 8 : account.scanFilesPerSecond;
    const fullMs = Math.round((15 + files / scanRate + stored / account.uploadBytesPerSecond) * SECOND * random.between(0.9, 1.3)) + random.int(0, 999);
    const start = describeBackupStart(account, version, serverName(serverIndex), initial);
    const startEntry: EntryPlan = { level: "info", at: startedAt, path: null, message: start };
    const base = {
      accountIndex: account.index,
      serverIndex,
      kind: "backup" as const,
      startedAt,
      clientHost: account.host,
      clientVersion: version,
      snapshot: null,
      snapshotId: null,
      addedBytes: 0,
      bytesOut: 0,
    };

    if (outcome === "success" || outcome === "warning") {
      const endedAt = startedAt + fullMs;
      const snapshotId = random.hex(64);
      const problems = outcome === "warning" ? pickProblemFiles(random, account, year, random.weighted([[1, 0.6], [2, 0.25], [3, 0.1], [4, 0.05]] as const)) : [];
      const times = problems.map(() => startedAt + Math.round(fullMs * random.between(0.05, 0.95))).sort((a, b) => a - b);
      const filesDone = files - problems.length;
      const entries: EntryPlan[] = [
        startEntry,
        ...problems.map((p, i): EntryPlan => ({ level: "warning", at: times[i] ?? startedAt, path: p.path, message: p.message })),
        { level: "info", at: endedAt, path: null, message: describeBackupEnd(snapshotId, filesDone, dataset, added, stored, fullMs, problems.length) },
      ];
      return {
        activity: {
          ...base,
          status: outcome,
          endedAt,
          filesCount: filesDone,
          bytesScanned: dataset,
          bytesNew: added,
          bytesStored: stored,
          errorCount: 0,
          warningCount: problems.length,
          snapshotId,
          summary: outcome === "warning" ? describeSkippedSummary(problems) : describeBackupSummary(filesDone, added, stored),
          entries,
          snapshot: { snapshotId, takenAt: startedAt, host: account.host, paths: JSON.stringify(account.paths), filesCount: filesDone, bytesTotal: dataset, bytesAdded: stored },
          addedBytes: stored,
        },
        quota: null,
        growth: initial ? 0 : Math.round(dailyGrowth * random.between(0.5, 1.5)),
      };
    }

    if (outcome === "source") {
      const endedAt = startedAt + random.int(2_000, 6_000);
      const path = account.paths[0] ?? "/";
      return {
        activity: {
          ...base,
          status: "failed",
          endedAt,
          filesCount: 0,
          bytesScanned: 0,
          bytesNew: 0,
          bytesStored: 0,
          errorCount: 1,
          warningCount: 0,
          summary: `Source path not found: ${path}`,
          entries: [
            startEntry,
            { level: "error", at: endedAt - 500, path, message: "source path not found: is the drive connected and the share mounted?" },
            { level: "info", at: endedAt, path: null, message: describeFailedEnd(endedAt - startedAt) },
          ],
        },
        quota: null,
        growth: 0,
      };
    }

    // Network failures, interruptions and a full quota stop part of the way through.
    const fraction = outcome === "quota" ? random.between(0.3, 0.8) : random.between(0.05, 0.95);
    const endedAt = startedAt + Math.max(3_000, Math.round(fullMs * fraction));
    const partial = {
      endedAt,
      filesCount: Math.round(files * fraction),
      bytesScanned: Math.round(dataset * fraction),
      bytesNew: Math.round(added * fraction),
      bytesStored: outcome === "quota" ? 0 : Math.round(stored * fraction),
    };
    if (outcome === "interrupted") {
      return {
        activity: {
          ...base,
          ...partial,
          status: "interrupted",
          errorCount: 0,
          warningCount: 1,
          summary: `Interrupted after ${formatDuration(endedAt - startedAt)}: the client disconnected before the snapshot was committed`,
          entries: [
            startEntry,
            {
              level: "warning",
              at: endedAt,
              path: null,
              message: `the client disconnected after ${formatBytes(partial.bytesStored)} uploaded (the computer went to sleep or shut down); no snapshot was written`,
            },
          ],
        },
        quota: null,
        growth: 0,
      };
    }
    if (outcome === "network") {
      const failure = describeNetworkFailure(random, serverName(serverIndex));
      return {
        activity: {
          ...base,
          ...partial,
          status: "failed",
          errorCount: 1,
          warningCount: 0,
          summary: `${failure.summary} after ${formatBytes(partial.bytesStored)} uploaded`,
          entries: [
            startEntry,
            { level: "error", at: endedAt - random.int(200, 900), path: pickDataFile(random, account, year), message: failure.message },
            { level: "info", at: endedAt, path: null, message: describeFailedEnd(endedAt - startedAt) },
          ],
        },
        quota: null,
        growth: 0,
      };
    }
    // Quota: the words need the free space, known once the whole history is planned.
    return {
      activity: { ...base, ...partial, status: "failed", errorCount: 1, warningCount: 0, summary: "", entries: [startEntry] },
      quota: { needed: stored, failAt: endedAt - random.int(200, 900) },
      growth: 0,
    };
  };

  /** Keeps a run that ended before the client stopped (runs still going at `now` are left out). */
  const commitBackup = (run: BuiltRun): void => {
    busyUntil = Math.max(busyUntil, run.activity.endedAt);
    if (run.activity.endedAt > endOfLife) return;
    activities.push(run.activity);
    if (run.quota) quotaRuns.push({ activity: run.activity, ...run.quota });
    cumulativeAdded += run.activity.addedBytes;
    dataset += run.growth;
    files += Math.round(run.growth / account.avgFileBytes);
  };

  const chooseOutcome = (day: number): BackupOutcome => {
    if (account.quotaDay !== null && day >= account.quotaDay) return "quota";
    if (random.chance(account.networkFailProbability)) return "network";
    if (random.chance(account.interruptProbability)) return "interrupted";
    if (random.chance(account.sourceMissingProbability)) return "source";
    if (random.chance(account.warnProbability)) return "warning";
    return "success";
  };

  // Backups: the first full one for new accounts, then one a day at the scheduled time.
  const firstDay = account.createdDay ?? 0;
  if (account.createdDay !== null) {
    const startedAt = account.createdAt + random.int(20, 90) * MINUTE + random.int(0, 59_999);
    commitBackup(buildBackup(account.createdDay, startedAt, true, random.chance(0.1) ? "warning" : "success"));
  }
  const portable = account.kind === "laptop" || account.kind === "desktop";
  for (let day = firstDay; day <= clock.days; day++) {
    const startedAt = clock.dayStart(day) + (account.scheduleMinute + random.int(-15, 40)) * MINUTE + random.int(0, 59_999);
    if (startedAt >= endOfLife) break;
    if (day === account.createdDay || startedAt < busyUntil) continue;
    const weekend = clock.weekday(day) === 0 || clock.weekday(day) === 6;
    const skip = portable && weekend && account.expectedIntervalHours !== 24 ? 0.8 : account.skipProbability;
    if (random.chance(skip)) continue;
    commitBackup(buildBackup(day, startedAt, false, chooseOutcome(day)));
  }

  // The repository's starting size; a quota account is nearly full by the day its backups start failing.
  let initialUsedBytes = estimatedInitial;
  let quotaBytes = account.quotaBytes;
  const smallestNeed = quotaRuns.length > 0 ? Math.min(...quotaRuns.map((q) => q.needed)) : 256 * MiB;
  if (account.role === "quota" && account.createdDay === null) {
    const free = Math.round(Math.max(smallestNeed, 64 * MiB) * random.between(0.1, 0.6));
    initialUsedBytes = Math.max(0, quotaBytes - cumulativeAdded - free);
    for (const run of quotaRuns) {
      const needed = Math.max(run.needed, free + random.int(16 * MiB, 400 * MiB));
      const failure = describeQuotaFailure(needed, free, quotaBytes);
      run.activity.summary = failure.summary;
      run.activity.entries.push(
        { level: "error", at: run.failAt, path: null, message: failure.message },
        { level: "info", at: run.activity.endedAt, path: null, message: describeFailedEnd(run.activity.endedAt - run.activity.startedAt) },
      );
    }
  } else {
    // Everyone else keeps headroom: a larger listed quota if the data outgrew it, else less old history.
    const used = () => initialUsedBytes + cumulativeAdded;
    const larger = profile.quotasGiB.map((q) => q * GiB).filter((q) => q > quotaBytes);
    while (used() > quotaBytes * 0.9 && larger.length > 0) quotaBytes = larger.shift() as number;
    if (used() > quotaBytes * 0.9) initialUsedBytes = Math.max(0, Math.round(quotaBytes * 0.88) - cumulativeAdded);
    // Last resort for very long histories: a quota raised beyond the usual steps.
    while (used() > quotaBytes * 0.95) quotaBytes *= 2;
  }

  const context: HistoryContext = { random, account, clock, year, firstDay, endOfLife, serverAt, versionOn };
  const restores = planRestores(context, activities);
  const checks = planChecks(context, activities, initialUsedBytes);
  activities.push(...restores, ...checks);

  activities.sort((a, b) => a.startedAt - b.startedAt);
  return {
    account,
    activities: activities.map((a, sequence) => ({ ...a, sequence })),
    initialUsedBytes,
    quotaBytes,
  };
}

