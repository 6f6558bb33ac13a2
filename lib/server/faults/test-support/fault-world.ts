import { eq, inArray } from "drizzle-orm";
import fs from "node:fs/promises";
import path from "node:path";
import type { Database } from "../../../../db/client";
import { activities } from "../../../../db/schema";
import { cliEnv, jsonLines, spawnCli, type CliRun } from "../../../client/test-support/spawn-cli";
import { createAccount } from "../../accounts";
import { accountWorld, password, testActor } from "../../accounts/test-support/account-world";
import type { DaemonProcess } from "./daemon-process";

export interface FaultAccount {
  accountId: number;
  loginName: string;
  deviceRoot: string;
}

/** A reseller, a customer, two devices in temp dirs and `n` real accounts on the first device. */
export async function faultWorld(db: Database, n: number) {
  const world = await accountWorld(db);
  const device = world.devices[0]!;
  const accounts: FaultAccount[] = [];
  for (let i = 0; i < n; i += 1) {
    const loginName = world.login("fault");
    const { account } = await createAccount(db, { loginName, password, resellerId: world.resellerId, customerUserId: world.customer.userId, deviceId: device.id, quotaBytes: 2 ** 32 }, world.devices, { actor: testActor });
    accounts.push({ accountId: account.accountId, loginName, deviceRoot: device.root });
  }
  return { world, accounts, devices: world.devices.map((d) => ({ name: d.name, path: d.root })) };
}

/** Runs the real CLI against the daemon as this account. */
export function cliAs(daemon: Pick<DaemonProcess, "url" | "caFile">, account: FaultAccount, args: string[]): Promise<CliRun> {
  const env: Record<string, string> = { ...cliEnv(""), STRONGROOM_SERVER: daemon.url, STRONGROOM_ACCOUNT: account.loginName, STRONGROOM_ACCOUNT_PASSWORD: password, STRONGROOM_SERVER_CA: daemon.caFile };
  delete env.STRONGROOM_REPO;
  return spawnCli(args, env);
}

/** The ids (idempotency keys) of the activities a --json run reported. */
export function activityIds(run: CliRun): string[] {
  return jsonLines(run.stdout)
    .filter((l) => l.message_type === "activity" && typeof l.id === "string")
    .map((l) => l.id as string);
}

/** Every activity row of these accounts (key, status, kind). */
export async function activityRows(db: Database, accountIds: number[]) {
  if (accountIds.length === 0) return [];
  return db
    .select({ key: activities.idempotencyKey, accountId: activities.accountId, status: activities.status, kind: activities.kind })
    .from(activities)
    .where(accountIds.length === 1 ? eq(activities.accountId, accountIds[0]!) : inArray(activities.accountId, accountIds));
}

/** Polls `probe` until it returns a value (not undefined) or the deadline passes. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Every file under `root`, relative paths. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    for (const entry of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out.push(path.relative(root, full));
    }
  }
  await walk(root);
  return out.sort();
}
