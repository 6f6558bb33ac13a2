import { createRandom } from "../../db/seed/random";
import type { BenchPlan } from "./plan";

// Resellers, users, devices, servers and backup accounts, all with ids chosen here (1..n in each
// table) so later tables can refer to them without reading anything back.

export const machineKinds = ["laptop", "desktop", "fileserver", "mail", "db", "nas"] as const;
export type MachineKind = (typeof machineKinds)[number];

/** How an account behaves over the 90 days. */
export const accountProfiles = ["steady", "flaky", "broken", "stopped"] as const;
export type AccountProfile = (typeof accountProfiles)[number];

export interface BenchAccount {
  id: number;
  customerUserId: number;
  resellerId: number;
  deviceId: number;
  kind: MachineKind;
  windows: boolean;
  /** The person whose home directory shows up in paths. */
  user: string;
  profile: AccountProfile;
  /** Relative share of activities: an hourly database backup runs 24 times as often as a daily laptop. */
  weight: number;
  createdAtMs: number;
  /** When a "stopped" account's last activity ran; otherwise the end of the history. */
  lastActivityMs: number;
  expectedIntervalHours: number | null;
  quotaBytes: number;
  usedBytes: number;
  status: "active" | "suspended" | "moving";
}

export interface BenchTenants {
  resellers: number;
  adminUserId: number;
  resellerUserIds: number[];
  /** customerUserId -> resellerId, for every customer. */
  customers: { userId: number; resellerId: number }[];
  accounts: BenchAccount[];
  devices: number;
  servers: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const GiB = 1024 ** 3;
export const firstNames = ["anna", "ben", "carla", "dmitri", "eva", "farid", "grace", "hugo", "ines", "jonas", "kim", "lena", "marco", "nora", "omar", "petra", "quentin", "rosa", "sven", "tara"];

/** The customer whose dashboard is timed: the big reseller's first, with several machines. */
export const DASHBOARD_CUSTOMER_INDEX = 0;

export function planTenants(plan: BenchPlan): BenchTenants {
  const random = createRandom(plan.seed).fork("tenants");
  const end = Date.parse(plan.endsAt);
  const historyStart = end - plan.days * DAY;
  const resellerUserIds = plan.customersPerReseller.map((_, i) => 2 + i);
  const customers: BenchTenants["customers"] = [];
  let userId = 2 + plan.customersPerReseller.length;
  plan.customersPerReseller.forEach((count, r) => {
    for (let i = 0; i < count; i++) customers.push({ userId: userId++, resellerId: r + 1 });
  });

  // Every customer has one machine; the rest go mostly to the first customers of each list, so
  // a few businesses have dozens of machines, as an MSP's bigger clients do.
  const owners = customers.map((_, i) => i);
  // The dashboard's customer gets five more, one of each behaviour and then some.
  for (let i = customers.length; i < plan.accounts; i++) {
    owners.push(i < customers.length + 5 ? DASHBOARD_CUSTOMER_INDEX : Math.floor(customers.length * random.next() ** 1.5));
  }
  owners.sort((a, b) => a - b);

  const accounts = owners.map((ownerIndex, i): BenchAccount => {
    const owner = customers[ownerIndex]!;
    const kind = random.weighted<MachineKind>([["laptop", 40], ["desktop", 25], ["fileserver", 12], ["mail", 8], ["db", 8], ["nas", 7]]);
    const profile =
      ownerIndex === DASHBOARD_CUSTOMER_INDEX ? accountProfiles[i % accountProfiles.length]! : random.weighted<AccountProfile>([["steady", 88], ["flaky", 7], ["broken", 2], ["stopped", 3]]);
    const weight = kind === "db" ? random.pick([8, 24]) : kind === "mail" || kind === "fileserver" ? random.pick([2, 4]) : random.weighted([[1, 85], [2, 15]]);
    const isNew = random.chance(0.03);
    const createdAtMs = isNew ? end - random.int(1, 30) * DAY : historyStart - random.int(1, 700) * DAY;
    const quotaBytes = random.pick([50, 100, 250, 500, 1000, 2000]) * GiB;
    const fill = random.weighted<[number, number]>([[[0.05, 0.85], 85], [[0.85, 1], 10], [[1, 1.08], 5]]);
    return {
      id: i + 1,
      customerUserId: owner.userId,
      resellerId: owner.resellerId,
      deviceId: 1 + (i % 4),
      kind,
      windows: kind === "laptop" || kind === "desktop" ? random.chance(0.7) : kind === "fileserver" && random.chance(0.5),
      user: random.pick(firstNames),
      profile,
      weight,
      createdAtMs,
      lastActivityMs: profile === "stopped" ? end - random.between(1.5, 12) * DAY : end,
      expectedIntervalHours: random.chance(0.05) ? null : Math.ceil((24 / weight) * 1.5),
      quotaBytes,
      usedBytes: Math.round(quotaBytes * random.between(fill[0], fill[1])),
      status: random.weighted([["active", 97], ["suspended", 2.5], ["moving", 0.5]] as const),
    };
  });
  return { resellers: plan.customersPerReseller.length, adminUserId: 1, resellerUserIds, customers, accounts, devices: 4, servers: 3 };
}
