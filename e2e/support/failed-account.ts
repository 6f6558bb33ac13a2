import { randomBytes } from "node:crypto";
import type { Database } from "../../db/client";
import { activities, activityEntries, backupAccounts, storageDevices } from "../../db/schema";

export interface FailedAccount {
  accountId: number;
  loginName: string;
  activityId: number;
  tag: string;
}

/**
 * A backup account of an existing (signed-in) customer whose latest backup failed an hour ago after
 * a success yesterday, so its health is "failed" (not missed): a log of info lines, one warning and
 * two errors, one of them about Outlook.pst. Its login sorts after the seeded ones, so loadWorld's
 * accounts and activities stay the same.
 */
export async function addFailedAccount(db: Database, customer: { id: number; resellerId: number | null }): Promise<FailedAccount> {
  if (customer.resellerId === null) throw new Error("a customer has a reseller");
  const tag = randomBytes(4).toString("hex");
  const [device] = await db.select({ id: storageDevices.id }).from(storageDevices).limit(1);
  if (!device) throw new Error("the seed has no storage device");
  const loginName = `zz-walk-${tag}`;
  const now = Date.now();
  const [account] = await db
    .insert(backupAccounts)
    .values({ loginName, resellerId: customer.resellerId, customerUserId: customer.id, storageDeviceId: device.id, passwordHash: "x", quotaBytes: 50 * 2 ** 30, usedBytes: 12 * 2 ** 30, expectedIntervalHours: 24, createdAt: new Date(now - 10 * 86_400_000) })
    .$returningId();
  const accountId = account!.id;
  const run = (status: "success" | "failed", startedAt: number, extra: Partial<typeof activities.$inferInsert> = {}) => ({
    accountId,
    resellerId: customer.resellerId!,
    kind: "backup" as const,
    status,
    startedAt: new Date(startedAt),
    endedAt: new Date(startedAt + 120_000),
    filesCount: 1_200,
    bytesScanned: 3 * 2 ** 30,
    bytesNew: 2 ** 28,
    bytesStored: 2 ** 27,
    idempotencyKey: `walk-${tag}-${status}`,
    ...extra,
  });
  await db.insert(activities).values(run("success", now - 20 * 3_600_000));
  const started = now - 3_600_000;
  const [failed] = await db
    .insert(activities)
    .values(run("failed", started, { errorCount: 2, warningCount: 1, summary: `2 files could not be read (walk ${tag})` }))
    .$returningId();
  const activityId = failed!.id;
  const at = (s: number) => new Date(started + s * 1_000);
  await db.insert(activityEntries).values([
    ...Array.from({ length: 30 }, (_, i) => ({ activityId, level: "info" as const, at: at(i), path: `C:\\Users\\walk\\Documents\\report-${i}.docx`, message: "saved" })),
    { activityId, level: "warning", at: at(40), path: "C:\\Users\\walk\\AppData\\cache.db", message: "file changed while it was read" },
    { activityId, level: "error", at: at(50), path: "C:\\Users\\walk\\Outlook Files\\Outlook.pst", message: `The process cannot access the file because it is being used by another process ${tag}` },
    { activityId, level: "error", at: at(60), path: "C:\\Users\\walk\\Desktop\\locked.xlsx", message: "Access is denied" },
  ]);
  return { accountId, loginName, activityId, tag };
}
