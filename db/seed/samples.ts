import { GiB, KiB, MiB, MINUTE } from "./format";
import type { AccountHistory, ActivityPlan } from "./history";
import { sizeDevice, type InfrastructurePlan } from "./infrastructure";
import type { SeedClock } from "./options";
import type { Random } from "./random";

export interface AccountSamplePlan {
  accountIndex: number;
  at: number;
  usedBytes: number;
}

export interface DeviceSamplePlan {
  deviceIndex: number;
  at: number;
  usedBytes: number;
  capacityBytes: number;
}

export interface ServerLoadSamplePlan {
  serverIndex: number;
  at: number;
  cpuPercent: number;
  memoryBytes: number;
  sessions: number;
  bytesIn: number;
  bytesOut: number;
}

export interface UsagePlan {
  /** Repository size and quota of each account now. */
  accounts: { usedBytes: number; quotaBytes: number }[];
  devices: { usedBytes: number; capacityBytes: number }[];
  accountSamples: AccountSamplePlan[];
  deviceSamples: DeviceSamplePlan[];
}

/** File-system overhead of a device beyond its repositories (metadata, lost+found, the locate cache). */
const deviceOverheadBytes = 3 * GiB;

/** An account's repository size at a moment: its starting size plus every committed snapshot's new data. */
export function measureAccountUsage(history: AccountHistory, at: number): number | null {
  if (history.account.createdAt > at) return null;
  let used = history.initialUsedBytes;
  for (const activity of history.activities) {
    if (activity.endedAt <= at) used += activity.addedBytes;
  }
  return used;
}

export function deviceOfAccountAt(history: AccountHistory, at: number): number {
  const move = history.account.move;
  return move && at < move.switchAt ? move.fromDevice : history.account.deviceIndex;
}

/** Daily account and device usage at 00:00 UTC of every history day; device sizes follow from the peak. */
export function planUsage(clock: SeedClock, infrastructure: InfrastructurePlan, histories: AccountHistory[]): UsagePlan {
  const accountSamples: AccountSamplePlan[] = [];
  const times = Array.from({ length: clock.days + 1 }, (_, day) => clock.dayStart(day));
  const deviceUsed: number[][] = infrastructure.devices.map(() => times.map(() => deviceOverheadBytes));
  for (const history of histories) {
    // Walk the account's committed snapshots once, in the order they ended.
    const added = history.activities.filter((a) => a.addedBytes > 0).sort((a, b) => a.endedAt - b.endedAt);
    let used = history.initialUsedBytes;
    let next = 0;
    times.forEach((at, t) => {
      while (next < added.length && (added[next] as ActivityPlan).endedAt <= at) used += (added[next++] as ActivityPlan).addedBytes;
      if (history.account.createdAt > at) return;
      accountSamples.push({ accountIndex: history.account.index, at, usedBytes: used });
      const series = deviceUsed[deviceOfAccountAt(history, at)] as number[];
      series[t] = (series[t] ?? 0) + used;
    });
  }
  accountSamples.sort((a, b) => a.accountIndex - b.accountIndex || a.at - b.at);

  const accounts = histories.map((h) => ({ usedBytes: measureAccountUsage(h, clock.now) ?? 0, quotaBytes: h.quotaBytes }));
  const nowUsed = infrastructure.devices.map(() => deviceOverheadBytes);
  histories.forEach((h, i) => {
    const d = deviceOfAccountAt(h, clock.now);
    nowUsed[d] = (nowUsed[d] ?? 0) + (accounts[i]?.usedBytes ?? 0);
  });
  const devices = infrastructure.devices.map((device, d) => {
    const usedBytes = nowUsed[d] ?? 0;
    return { usedBytes, capacityBytes: sizeDevice(device, usedBytes, Math.max(usedBytes, ...(deviceUsed[d] ?? []))) };
  });
  const deviceSamples = infrastructure.devices.flatMap((_, d) =>
    times.map((at, t) => ({ deviceIndex: d, at, usedBytes: deviceUsed[d]?.[t] ?? 0, capacityBytes: devices[d]?.capacityBytes ?? 0 })),
  );
  return { accounts, devices, accountSamples, deviceSamples };
}

export const loadSampleIntervalMs = 15 * MINUTE;

/**
 * One sample per server every 15 minutes over the history. Sessions and bytes come from the planned
 * activities themselves (bytes are those transferred during the interval ending at `at`), so the load
 * charts line up with the logs.
 */
export function planServerLoadSamples(random: Random, clock: SeedClock, infrastructure: InfrastructurePlan, histories: AccountHistory[]): ServerLoadSamplePlan[] {
  const step = loadSampleIntervalMs;
  const count = Math.floor((clock.days * 24 * 60 * MINUTE) / step);
  const rangeStart = clock.now - count * step;
  const servers = infrastructure.servers.map(() => ({
    sessions: new Array<number>(count + 1).fill(0),
    bytesIn: new Array<number>(count + 1).fill(0),
    bytesOut: new Array<number>(count + 1).fill(0),
  }));
  for (const history of histories) {
    for (const activity of history.activities) {
      const server = servers[activity.serverIndex];
      if (!server || activity.endedAt <= rangeStart) continue;
      const from = Math.max(1, Math.floor((activity.startedAt - rangeStart) / step) + 1);
      const to = Math.min(count, Math.ceil((activity.endedAt - rangeStart) / step));
      const length = Math.max(1, activity.endedAt - activity.startedAt);
      for (let k = from; k <= to; k++) {
        const end = rangeStart + k * step;
        const overlap = Math.min(activity.endedAt, end) - Math.max(activity.startedAt, end - step);
        if (overlap <= 0) continue;
        server.sessions[k] = (server.sessions[k] ?? 0) + 1;
        server.bytesIn[k] = (server.bytesIn[k] ?? 0) + (activity.kind === "backup" ? activity.bytesStored * (overlap / length) : 0);
        server.bytesOut[k] = (server.bytesOut[k] ?? 0) + activity.bytesOut * (overlap / length);
      }
    }
  }
  const samples: ServerLoadSamplePlan[] = [];
  servers.forEach((server, s) => {
    const serverRandom = random.fork(`server/${s}`);
    const baseMemory = serverRandom.between(700, 900) * MiB;
    for (let k = 1; k <= count; k++) {
      const sessions = server.sessions[k] ?? 0;
      const bytesIn = Math.round((server.bytesIn[k] ?? 0) + serverRandom.int(64 * KiB, 2 * MiB));
      const bytesOut = Math.round((server.bytesOut[k] ?? 0) + serverRandom.int(32 * KiB, 512 * KiB));
      const inMiBs = bytesIn / MiB / (step / 1000);
      const cpu = Math.min(98, Math.max(0.3, 1.5 + sessions * 6.5 + inMiBs * 0.35 + serverRandom.normal() * 1.2));
      samples.push({
        serverIndex: s,
        at: rangeStart + k * step,
        cpuPercent: Math.round(cpu * 10) / 10,
        memoryBytes: Math.round(baseMemory + sessions * 140 * MiB + serverRandom.int(0, 64 * MiB)),
        sessions,
        bytesIn,
        bytesOut,
      });
    }
  });
  return samples;
}
