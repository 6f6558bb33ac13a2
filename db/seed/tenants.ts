import { inArray } from "drizzle-orm";
import { backupAccounts, resellers, users } from "../schema";
import { insertInBatches, type SeedTransaction } from "./batch";
import { DAY, HOUR, MiB, MINUTE } from "./format";
import type { InfrastructureIds, InfrastructurePlan } from "./infrastructure";
import { adminLogin, customerLogin, resellerIndexOf, resellerLogin } from "./logins";
import { nameCustomer, resellerNames, type CustomerName } from "./names";
import type { SeedClock } from "./options";
import { planMachine, type AccountKind, type MachinePlan } from "./profiles";
import type { Random } from "./random";

/** What makes an account's story: most are "normal"; the others give the dashboards something to show. */
export type AccountRole = "normal" | "stopped" | "suspended" | "quota" | "flaky" | "noisy";

export const latestClientVersion = "0.1.0";

export interface AccountPlan extends MachinePlan {
  index: number;
  customerIndex: number;
  resellerIndex: number;
  loginName: string;
  kind: AccountKind;
  role: AccountRole;
  /** The device the account is on now, and the server its client is sent to. */
  deviceIndex: number;
  homeServer: number;
  createdAt: number;
  /** The history day the account was created on, or null when it predates the history. */
  createdDay: number | null;
  clientVersion: string;
  upgrade: { day: number; version: string } | null;
  warnProbability: number;
  networkFailProbability: number;
  interruptProbability: number;
  sourceMissingProbability: number;
  skipProbability: number;
  /** The client stopped running from this day on (the account is "missed"). */
  stopDay: number | null;
  suspendAt: number | null;
  /** From this day on every backup fails: the quota is full. */
  quotaDay: number | null;
  /** Moved between devices (a finished move job): copying from `startAt`, switched at `switchAt`. */
  move: { fromDevice: number; fromServer: number; day: number; startAt: number; switchAt: number } | null;
}

export interface CustomerPlan extends CustomerName {
  index: number;
  resellerIndex: number;
  login: string;
  createdAt: number;
}

export interface ResellerPlan {
  index: number;
  name: string;
  slug: string;
  operator: string;
  login: string;
  createdAt: number;
}

export interface TenantsPlan {
  adminCreatedAt: number;
  resellers: ResellerPlan[];
  customers: CustomerPlan[];
  accounts: AccountPlan[];
}

const kindLabels: Record<AccountKind, string> = {
  laptop: "laptop",
  desktop: "desktop",
  fileserver: "fileserver",
  mail: "mail",
  database: "db",
  nas: "nas",
};

function pickServer(random: Random, infrastructure: InfrastructurePlan, deviceIndex: number): number {
  return random.pick(infrastructure.devices[deviceIndex]?.mountedBy ?? [0]);
}

function planAccount(random: Random, clock: SeedClock, infrastructure: InfrastructurePlan, customer: CustomerPlan, kind: AccountKind, loginName: string, index: number): AccountPlan {
  const machine = planMachine(random, kind, customer);
  const deviceIndex = random.weighted(infrastructure.devices.map((d, i) => [i, d.weight] as const));
  const server = kind !== "laptop" && kind !== "desktop";
  const laptop = kind === "laptop";
  const version = random.weighted([
    ["latest", 0.65],
    ["upgrading", 0.25],
    ["outdated", 0.1],
  ] as const);
  return {
    ...machine,
    index,
    customerIndex: customer.index,
    resellerIndex: customer.resellerIndex,
    loginName,
    kind,
    role: "normal",
    deviceIndex,
    homeServer: pickServer(random, infrastructure, deviceIndex),
    createdAt: clock.firstDay - random.int(10, 900) * DAY + random.int(8 * 60, 17 * 60) * MINUTE,
    createdDay: null,
    clientVersion: version === "latest" ? latestClientVersion : version === "upgrading" ? "0.0.9" : "0.0.8",
    upgrade: version === "upgrading" ? { day: random.int(1, clock.days), version: latestClientVersion } : null,
    warnProbability:
      machine.os === "windows" ? random.between(0.04, server ? 0.12 : 0.3) : machine.os === "macos" ? random.between(0.03, 0.12) : random.between(0.01, 0.06),
    networkFailProbability: laptop ? 0.03 : server ? 0.008 : 0.015,
    interruptProbability: laptop ? 0.02 : 0.003,
    sourceMissingProbability: kind === "fileserver" || kind === "nas" ? 0.003 : 0,
    skipProbability: machine.expectedIntervalHours === 24 ? (laptop ? 0.03 : 0.005) : machine.expectedIntervalHours === 168 ? 0.35 : 0.5,
    stopDay: null,
    suspendAt: null,
    quotaDay: null,
    move: null,
  };
}

function planCustomerKinds(random: Random): AccountKind[] {
  const count = random.weighted([
    [1, 0.4],
    [2, 0.35],
    [3, 0.25],
  ] as const);
  const first = random.weighted<AccountKind>([
    ["laptop", 0.35],
    ["desktop", 0.15],
    ["fileserver", 0.3],
    ["nas", 0.1],
    ["mail", 0.05],
    ["database", 0.05],
  ]);
  const kinds = [first];
  while (kinds.length < count) {
    kinds.push(
      random.weighted<AccountKind>([
        ["laptop", 0.45],
        ["desktop", 0.15],
        ["fileserver", 0.15],
        ["mail", 0.1],
        ["database", 0.1],
        ["nas", 0.05],
      ]),
    );
  }
  return kinds;
}

/** Takes up to `count` accounts from the pool (in pool order) that pass `fits`. */
function takeAccounts(pool: AccountPlan[], count: number, fits: (a: AccountPlan) => boolean = () => true): AccountPlan[] {
  const taken: AccountPlan[] = [];
  for (const account of [...pool]) {
    if (taken.length >= count) break;
    if (!fits(account)) continue;
    taken.push(account);
    pool.splice(pool.indexOf(account), 1);
  }
  return taken;
}

/** Gives a few accounts a story: out of quota, stopped backing up, suspended, flaky, noisy, new, moved. */
function assignAccountRoles(random: Random, clock: SeedClock, infrastructure: InfrastructurePlan, accounts: AccountPlan[]): void {
  const n = accounts.length;
  const share = (fraction: number) => Math.max(1, Math.round(n * fraction));
  const pool = random.shuffle(accounts.filter((a) => a.expectedIntervalHours !== null));
  const lastDay = clock.days;

  // Smallest quotas first: a full 50 GiB laptop is the classic case.
  pool.sort((a, b) => a.quotaBytes - b.quotaBytes);
  for (const account of takeAccounts(pool, share(0.015))) {
    account.role = "quota";
    account.datasetBytes = Math.round(account.quotaBytes * random.between(0.45, 0.55));
    account.changeRate = Math.min(account.changeRate, 0.006);
    account.quotaDay = Math.max(1, lastDay - random.int(1, 4));
  }
  const shuffled = random.shuffle(pool);
  pool.splice(0, pool.length, ...shuffled);

  const daily = (a: AccountPlan) => a.expectedIntervalHours === 24;
  const stopped = takeAccounts(pool, share(0.05), daily);
  if (stopped.length === 0) stopped.push(...takeAccounts(pool, 1));
  for (const account of stopped) {
    account.role = "stopped";
    const daysAgo = Math.ceil((account.expectedIntervalHours ?? 24) / 24) + random.int(1, 8);
    account.stopDay = Math.max(0, lastDay - daysAgo);
  }
  if (n >= 4) {
    for (const account of takeAccounts(pool, share(0.03))) {
      account.role = "suspended";
      const day = Math.min(lastDay - 1, Math.max(1, lastDay - random.int(3, 20)));
      account.suspendAt = clock.dayStart(day) + random.int(9 * 60, 17 * 60) * MINUTE + random.int(0, 59_999);
    }
  }
  for (const account of takeAccounts(pool, share(0.03), (a) => a.kind === "laptop" || a.kind === "desktop")) {
    account.role = "flaky";
    account.networkFailProbability = 0.22;
  }
  const noisy = takeAccounts(pool, share(0.03), (a) => a.os === "windows" && (a.kind === "laptop" || a.kind === "desktop"));
  if (noisy.length === 0) noisy.push(...takeAccounts(pool, 1));
  for (const account of noisy) {
    account.role = "noisy";
    account.warnProbability = 0.55;
  }

  // A finished move: the biggest ordinary account on the busy device went to the emptier one.
  const busy = 1;
  const target = 2;
  const movable = pool.filter((a) => a.deviceIndex === busy).sort((a, b) => b.datasetBytes - a.datasetBytes)[0];
  if (movable && clock.days >= 3) {
    pool.splice(pool.indexOf(movable), 1);
    const day = Math.max(1, lastDay - random.int(8, 20));
    const startAt = clock.dayStart(day) + random.int(4 * 60, 5 * 60) * MINUTE + random.int(0, 59_999);
    // Copy at about 300 MiB/s, then the short freeze and the switch.
    const copyMs = ((movable.datasetBytes * 1.3) / (300 * MiB)) * 1000;
    movable.move = { fromDevice: busy, fromServer: movable.homeServer, day, startAt, switchAt: Math.round(startAt + copyMs + random.int(2, 6) * MINUTE) };
    movable.deviceIndex = target;
    movable.homeServer = pickServer(random, infrastructure, target);
  }

  // New accounts: onboarded during the history, starting with a full initial backup.
  if (clock.days >= 3) {
    for (const account of takeAccounts(pool, Math.round(n * 0.07))) {
      const day = random.int(1, lastDay - 2);
      account.createdDay = day;
      account.createdAt = clock.dayStart(day) + random.int(9 * 60, 16 * 60) * MINUTE + random.int(0, 59_999);
      if (account.upgrade) {
        account.upgrade = null;
        account.clientVersion = latestClientVersion;
      }
    }
  }
}

export function planTenants(random: Random, clock: SeedClock, infrastructure: InfrastructurePlan): TenantsPlan {
  const resellerPlans: ResellerPlan[] = resellerNames.map((r, i) => ({
    index: i,
    ...r,
    login: resellerLogin(r.slug),
    createdAt: clock.firstDay - (1_100 - i * 170) * DAY + 10 * HOUR,
  }));
  const customers: CustomerPlan[] = [];
  const accounts: AccountPlan[] = [];
  for (let i = 0; i < clock.customers; i++) {
    const name = nameCustomer(i);
    const customer: CustomerPlan = { ...name, index: i, resellerIndex: resellerIndexOf(i), login: customerLogin(name.slug), createdAt: 0 };
    customers.push(customer);
    const accountRandom = random.fork(`customer/${i}`);
    const counters = new Map<AccountKind, number>();
    for (const kind of planCustomerKinds(accountRandom)) {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      const loginName = `${name.slug}-${kindLabels[kind]}-${String(n).padStart(2, "0")}`;
      accounts.push(planAccount(accountRandom, clock, infrastructure, customer, kind, loginName, accounts.length));
    }
  }
  assignAccountRoles(random.fork("roles"), clock, infrastructure, accounts);
  for (const customer of customers) {
    const first = Math.min(...accounts.filter((a) => a.customerIndex === customer.index).map((a) => a.createdAt));
    customer.createdAt = first - (10 + (customer.index % 7) * 11) * MINUTE;
  }
  return {
    adminCreatedAt: clock.firstDay - 1_200 * DAY + 9 * HOUR,
    resellers: resellerPlans,
    customers,
    accounts,
  };
}

export interface TenantIds {
  adminId: number;
  resellerIds: number[];
  resellerUserIds: number[];
  customerUserIds: number[];
  accountIds: number[];
}

export interface PasswordHashes {
  admin: string;
  reseller: string;
  customer: string;
  backup: string;
}

function requireId(map: Map<string, number>, key: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`seeded row "${key}" was not found after insert`);
  return id;
}

export async function insertTenants(
  tx: SeedTransaction,
  plan: TenantsPlan,
  infrastructure: InfrastructureIds,
  hashes: PasswordHashes,
  accountUsage: { usedBytes: number; quotaBytes: number }[],
): Promise<TenantIds> {
  await tx.insert(resellers).values(plan.resellers.map((r) => ({ name: r.name, createdAt: new Date(r.createdAt) })));
  const resellerRows = await tx
    .select({ id: resellers.id, name: resellers.name })
    .from(resellers)
    .where(
      inArray(
        resellers.name,
        plan.resellers.map((r) => r.name),
      ),
    );
  const resellerIdByName = new Map(resellerRows.map((r) => [r.name, r.id]));
  const resellerIds = plan.resellers.map((r) => requireId(resellerIdByName, r.name));

  const userRows = [
    { login: adminLogin, name: "Strongroom operator", role: "admin" as const, resellerId: null, passwordHash: hashes.admin, createdAt: new Date(plan.adminCreatedAt) },
    ...plan.resellers.map((r, i) => ({
      login: r.login,
      name: r.operator,
      role: "reseller" as const,
      resellerId: resellerIds[i] as number,
      passwordHash: hashes.reseller,
      createdAt: new Date(r.createdAt + HOUR),
    })),
    ...plan.customers.map((c) => ({
      login: c.login,
      name: c.name,
      role: "customer" as const,
      resellerId: resellerIds[c.resellerIndex] as number,
      passwordHash: hashes.customer,
      createdAt: new Date(c.createdAt),
    })),
  ];
  await insertInBatches(tx, users, userRows);
  const logins = userRows.map((u) => u.login);
  const idByLogin = new Map<string, number>();
  for (let i = 0; i < logins.length; i += 1000) {
    const rows = await tx
      .select({ id: users.id, login: users.login })
      .from(users)
      .where(inArray(users.login, logins.slice(i, i + 1000)));
    for (const row of rows) idByLogin.set(row.login, row.id);
  }

  const customerUserIds = plan.customers.map((c) => requireId(idByLogin, c.login));
  await insertInBatches(
    tx,
    backupAccounts,
    plan.accounts.map((a, i) => ({
      loginName: a.loginName,
      resellerId: resellerIds[a.resellerIndex] as number,
      customerUserId: customerUserIds[a.customerIndex] as number,
      storageDeviceId: infrastructure.deviceIds[a.deviceIndex] as number,
      passwordHash: hashes.backup,
      quotaBytes: accountUsage[i]?.quotaBytes ?? a.quotaBytes,
      usedBytes: accountUsage[i]?.usedBytes ?? 0,
      status: a.suspendAt !== null ? ("suspended" as const) : ("active" as const),
      expectedIntervalHours: a.expectedIntervalHours,
      createdAt: new Date(a.createdAt),
    })),
  );
  const loginNames = plan.accounts.map((a) => a.loginName);
  const idByLoginName = new Map<string, number>();
  for (let i = 0; i < loginNames.length; i += 1000) {
    const rows = await tx
      .select({ id: backupAccounts.id, loginName: backupAccounts.loginName })
      .from(backupAccounts)
      .where(inArray(backupAccounts.loginName, loginNames.slice(i, i + 1000)));
    for (const row of rows) idByLoginName.set(row.loginName, row.id);
  }

  return {
    adminId: requireId(idByLogin, adminLogin),
    resellerIds,
    resellerUserIds: plan.resellers.map((r) => requireId(idByLogin, r.login)),
    customerUserIds,
    accountIds: loginNames.map((name) => requireId(idByLoginName, name)),
  };
}
