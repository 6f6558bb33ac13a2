import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { activities, activityEntries, backupAccounts, storageDevices, users } from "../../db/schema";

export interface DedicatedAccount {
  customerId: number;
  customerName: string;
  accountId: number;
  loginName: string;
  activityId: number;
  entryId: number;
}

/**
 * A customer of its own with one backup account and one failed backup an hour ago whose log has an
 * error about Outlook.pst: for suites that suspend, re-quota or search, so the seeded objects other
 * suites read are never changed. The customer's login is not `*.demo`, so loadWorld ignores it.
 */
export async function createDedicatedAccount(db: Database, resellerId: number, options: { customerName?: string } = {}): Promise<DedicatedAccount> {
  const tag = randomBytes(4).toString("hex");
  const [device] = await db.select({ id: storageDevices.id }).from(storageDevices).limit(1);
  if (!device) throw new Error("the seed has no storage device");
  const customerName = options.customerName ?? `E2E dedicated ${tag}`;
  const [customer] = await db.insert(users).values({ login: `dedicated-${tag}@customer.test`, name: customerName, role: "customer", resellerId, passwordHash: "x" }).$returningId();
  const loginName = `e2e-dedicated-${tag}`;
  const [account] = await db
    .insert(backupAccounts)
    .values({ loginName, resellerId, customerUserId: customer!.id, storageDeviceId: device.id, passwordHash: "x", quotaBytes: 100 * 2 ** 30, usedBytes: 95 * 2 ** 30, expectedIntervalHours: 24 })
    .$returningId();
  const startedAt = new Date(Date.now() - 3_600_000);
  const [activity] = await db
    .insert(activities)
    .values({ accountId: account!.id, resellerId, kind: "backup", status: "failed", startedAt, endedAt: new Date(startedAt.getTime() + 60_000), errorCount: 1, summary: `E2E failure ${tag}: 1 file could not be read`, idempotencyKey: `e2e-${tag}` })
    .$returningId();
  const [entry] = await db
    .insert(activityEntries)
    .values({ activityId: activity!.id, level: "error", at: startedAt, path: `C:\\Users\\e2e-${tag}\\Documents\\Outlook Files\\Outlook.pst`, message: `The process cannot access the file because it is being used by another process (is Outlook running?) e2e${tag}` })
    .$returningId();
  return { customerId: customer!.id, customerName, accountId: account!.id, loginName, activityId: activity!.id, entryId: entry!.id };
}

export async function accountRow(db: Database, accountId: number) {
  const [row] = await db.select().from(backupAccounts).where(eq(backupAccounts.id, accountId));
  if (!row) throw new Error(`account ${accountId} is gone`);
  return row;
}
