// What each kind of backed-up machine looks like: data size, churn, schedule, host names, paths.

import { firstNames, type CustomerName } from "./names";
import type { Random } from "./random";
import { GiB, KiB, MiB } from "./format";

export type AccountKind = "laptop" | "desktop" | "fileserver" | "mail" | "database" | "nas";
export type OsFamily = "windows" | "macos" | "linux";

interface KindProfile {
  datasetGiB: [number, number];
  quotasGiB: number[];
  avgFileKiB: [number, number];
  /** Share of the data that is new in a daily run. */
  changeRate: [number, number];
  /** Hours (UTC) the scheduled run starts between. */
  startHours: [number, number];
  uploadMiBs: [number, number];
  intervals: (readonly [number | null, number])[];
  os: (readonly [OsFamily, number])[];
  server: boolean;
}

export const kindProfiles: Record<AccountKind, KindProfile> = {
  laptop: {
    datasetGiB: [15, 220],
    quotasGiB: [50, 100, 250, 500],
    avgFileKiB: [250, 900],
    changeRate: [0.002, 0.012],
    startHours: [9, 15],
    uploadMiBs: [2, 12],
    intervals: [[24, 0.65], [168, 0.28], [null, 0.07]],
    os: [["windows", 0.65], ["macos", 0.3], ["linux", 0.05]],
    server: false,
  },
  desktop: {
    datasetGiB: [20, 300],
    quotasGiB: [100, 250, 500],
    avgFileKiB: [300, 1200],
    changeRate: [0.002, 0.01],
    startHours: [12, 18],
    uploadMiBs: [5, 25],
    intervals: [[24, 0.85], [168, 0.1], [null, 0.05]],
    os: [["windows", 0.9], ["linux", 0.1]],
    server: false,
  },
  fileserver: {
    datasetGiB: [150, 1300],
    quotasGiB: [500, 1024, 2048],
    avgFileKiB: [800, 3000],
    changeRate: [0.002, 0.006],
    startHours: [1, 3],
    uploadMiBs: [20, 80],
    intervals: [[24, 0.95], [168, 0.03], [null, 0.02]],
    os: [["windows", 0.6], ["linux", 0.4]],
    server: true,
  },
  mail: {
    datasetGiB: [30, 400],
    quotasGiB: [250, 500, 1024],
    avgFileKiB: [40, 120],
    changeRate: [0.004, 0.012],
    startHours: [0, 2],
    uploadMiBs: [20, 60],
    intervals: [[24, 1]],
    os: [["linux", 1]],
    server: true,
  },
  database: {
    datasetGiB: [20, 350],
    quotasGiB: [100, 250, 500, 1024],
    avgFileKiB: [20_000, 200_000],
    changeRate: [0.004, 0.015],
    startHours: [2, 4],
    uploadMiBs: [20, 60],
    intervals: [[24, 1]],
    os: [["linux", 1]],
    server: true,
  },
  nas: {
    datasetGiB: [300, 1500],
    quotasGiB: [1024, 2048],
    avgFileKiB: [1500, 6000],
    changeRate: [0.001, 0.004],
    startHours: [3, 5],
    uploadMiBs: [15, 50],
    intervals: [[24, 0.6], [168, 0.4]],
    os: [["linux", 1]],
    server: true,
  },
};

export interface MachinePlan {
  os: OsFamily;
  osLabel: string;
  host: string;
  user: string;
  paths: string[];
  /** Average file size in bytes. */
  avgFileBytes: number;
  datasetBytes: number;
  quotaBytes: number;
  expectedIntervalHours: number | null;
  changeRate: number;
  compressRatio: number;
  uploadBytesPerSecond: number;
  scanFilesPerSecond: number;
  scheduleMinute: number;
}

const twoDigits = (n: number) => String(n).padStart(2, "0");

function describeHost(random: Random, kind: AccountKind, os: OsFamily, customer: CustomerName, user: string): { host: string; osLabel: string } {
  const n = twoDigits(random.int(1, 40));
  switch (kind) {
    case "laptop":
      if (os === "windows") return { host: `${customer.initials}-LT${n}`, osLabel: random.weighted([["Windows 11", 0.8], ["Windows 10", 0.2]]) };
      if (os === "macos") return { host: `${user}s-macbook-pro`, osLabel: random.pick(["macOS 14", "macOS 15"]) };
      return { host: `${user}-thinkpad`, osLabel: "Ubuntu 24.04" };
    case "desktop":
      if (os === "windows") return { host: `${customer.initials}-PC${n}`, osLabel: random.weighted([["Windows 11", 0.7], ["Windows 10", 0.3]]) };
      return { host: `${user}-workstation`, osLabel: "Fedora 41" };
    case "fileserver":
      if (os === "windows") return { host: `${customer.initials}-FS01`, osLabel: random.pick(["Windows Server 2022", "Windows Server 2019"]) };
      return { host: `fs01.${customer.slug}.lan`, osLabel: random.pick(["Debian 12", "Ubuntu 22.04"]) };
    case "mail":
      return { host: `mail.${customer.slug}.lan`, osLabel: "Debian 12" };
    case "database":
      return { host: `db01.${customer.slug}.lan`, osLabel: random.pick(["Debian 12", "Ubuntu 24.04"]) };
    case "nas":
      return { host: `nas.${customer.slug}.lan`, osLabel: "Synology DSM 7.2" };
  }
}

function describePaths(kind: AccountKind, os: OsFamily, user: string): string[] {
  switch (kind) {
    case "laptop":
    case "desktop":
      if (os === "windows") return [`C:\\Users\\${user}`];
      if (os === "macos") return [`/Users/${user}`];
      return [`/home/${user}`];
    case "fileserver":
      return os === "windows" ? ["D:\\Shares"] : ["/srv/samba", "/etc/samba"];
    case "mail":
      return ["/var/vmail", "/etc"];
    case "database":
      return ["/var/backups/postgresql", "/etc/postgresql"];
    case "nas":
      return ["/volume1/shared", "/volume1/photo"];
  }
}

/** The smallest listed quota that leaves room to grow; the data is trimmed if even the largest is tight. */
function chooseQuota(random: Random, quotasGiB: number[], datasetBytes: number): { quotaBytes: number; datasetBytes: number } {
  const fitting = quotasGiB.filter((q) => datasetBytes <= q * GiB * 0.6);
  const quotaGiB = fitting.length > 0 ? (random.chance(0.75) ? fitting[0] : random.pick(fitting)) : quotasGiB[quotasGiB.length - 1];
  const quotaBytes = (quotaGiB ?? 100) * GiB;
  return { quotaBytes, datasetBytes: Math.min(datasetBytes, Math.round(quotaBytes * random.between(0.4, 0.6))) };
}

export function planMachine(random: Random, kind: AccountKind, customer: CustomerName): MachinePlan {
  const profile = kindProfiles[kind];
  const os = random.weighted(profile.os);
  const user = random.pick(firstNames);
  const { host, osLabel } = describeHost(random, kind, os, customer, user);
  const rawDataset = Math.round(Math.exp(random.between(Math.log(profile.datasetGiB[0]), Math.log(profile.datasetGiB[1]))) * GiB);
  const { quotaBytes, datasetBytes } = chooseQuota(random, profile.quotasGiB, rawDataset);
  const [fromHour, toHour] = profile.startHours;
  return {
    os,
    osLabel,
    host,
    user,
    paths: describePaths(kind, os, user),
    avgFileBytes: Math.round(random.between(...profile.avgFileKiB) * KiB),
    datasetBytes,
    quotaBytes,
    expectedIntervalHours: random.weighted(profile.intervals),
    changeRate: random.between(...profile.changeRate),
    compressRatio: random.between(0.35, 0.8),
    uploadBytesPerSecond: random.between(...profile.uploadMiBs) * MiB,
    scanFilesPerSecond: random.between(6_000, 30_000),
    scheduleMinute: random.int(fromHour * 60, toHour * 60 + 59),
  };
}
