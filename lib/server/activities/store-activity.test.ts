import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activities, activityEntries, backupServers } from "../../../db/schema";
import type { ActivityEntry, ActivityRecord } from "../../core/activity/activity";
import { openTestDatabase } from "../../../test/db";
import { sampleActivity } from "../../core/outbox/fixtures/sample-activity";
import { PermanentDeliveryError } from "../../core/outbox/permanent-error";
import { IdempotencyConflictError, InvalidActivityError, UnknownAccountError } from "./activity-errors";
import { storeActivity } from "./store-activity";
import { storedActivities, threeAccounts } from "./test-support/stored-activities";

const db = openTestDatabase();
let accounts: Awaited<ReturnType<typeof threeAccounts>>;
beforeAll(async () => {
  accounts = await threeAccounts(db);
});
const account = (i: 0 | 1 | 2) => accounts[i];

describe("storeActivity", () => {
  it("stores the row and its entries, with the reseller copied from the account", async () => {
    const [server] = await db.insert(backupServers).values({ name: `srv-${Date.now()}`, url: "https://s" }).$returningId();
    const record = sampleActivity({}, 5);
    const result = await storeActivity(db, { accountId: account(1).accountId, serverId: server?.id, record });
    expect(result.created).toBe(true);
    const [row] = await db.select().from(activities).where(eq(activities.id, result.activityId));
    expect(row).toMatchObject({ idempotencyKey: record.id, accountId: account(1).accountId, resellerId: account(1).resellerId, serverId: server?.id, status: "success", warningCount: 2, filesCount: 10 });
    expect(row?.startedAt.toISOString()).toBe(record.startedAt);
    const entries = await db.select().from(activityEntries).where(eq(activityEntries.activityId, result.activityId)).orderBy(activityEntries.id);
    expect(entries.map((e) => e.message)).toEqual(record.entries.map((e) => e.message));
  });

  it("changes nothing on a second delivery of the same record (crash after commit, before acknowledge)", async () => {
    const record = sampleActivity({}, 3);
    const first = await storeActivity(db, { accountId: account(0).accountId, record });
    const again = await storeActivity(db, { accountId: account(0).accountId, record: { ...record, status: "interrupted", endedAt: new Date().toISOString() } });
    expect(again).toEqual({ activityId: first.activityId, created: false });
    expect(await storedActivities(db, [record.id])).toEqual([expect.objectContaining({ status: "success", entries: 3 })]);
  });

  it("stores a record delivered by several workers at once exactly once", async () => {
    const record = sampleActivity({}, 3_000);
    const results = await Promise.all(Array.from({ length: 4 }, () => storeActivity(db, { accountId: account(2).accountId, record })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.activityId)).size).toBe(1);
    expect(await storedActivities(db, [record.id])).toEqual([expect.objectContaining({ entries: 3_000 })]);
  });

  it("refuses an id already stored for another run, as a permanent error", async () => {
    const record = sampleActivity({}, 1);
    await storeActivity(db, { accountId: account(0).accountId, record });
    const error = await storeActivity(db, { accountId: account(1).accountId, record }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdempotencyConflictError);
    expect(error).toBeInstanceOf(PermanentDeliveryError);
  });

  it("inserts 100,000 entries in batches, in one transaction", async () => {
    const record = sampleActivity({ kind: "check" }, 100_000);
    await storeActivity(db, { accountId: account(0).accountId, record });
    expect(await storedActivities(db, [record.id])).toEqual([expect.objectContaining({ entries: 100_000 })]);
  }, 30_000);

  it("cuts long text to the column sizes instead of failing", async () => {
    const longPath = `/${"ü😀".repeat(700)}`; // 1401 characters, 2801 UTF-16 units
    const longMessage = "é".repeat(40_000); // 80,000 bytes: over TEXT's 65,535
    const record = sampleActivity({ host: "h".repeat(300), clientVersion: "v".repeat(40), summary: "s".repeat(900), snapshotId: "f".repeat(70) }, 0);
    record.entries.push({ level: "error", at: record.startedAt, path: longPath, message: longMessage });
    const { activityId } = await storeActivity(db, { accountId: account(0).accountId, record });
    const [row] = await db.select().from(activities).where(eq(activities.id, activityId));
    expect([row?.clientHost?.length, row?.clientVersion?.length, row?.summary?.length, row?.snapshotId?.length]).toEqual([255, 32, 500, 64]);
    expect(row?.summary?.endsWith("…")).toBe(true);
    const [entry] = await db.select().from(activityEntries).where(eq(activityEntries.activityId, activityId));
    expect(Array.from(entry?.path ?? "")).toHaveLength(1024);
    expect(entry?.path?.startsWith("/ü😀ü😀")).toBe(true);
    expect(Buffer.byteLength(entry?.message ?? "")).toBeLessThanOrEqual(65_535);
    expect(entry?.message.startsWith("éé")).toBe(true);
  });

  it("treats an unknown account and an invalid time as permanent, storing nothing", async () => {
    const record = sampleActivity({}, 2);
    await expect(storeActivity(db, { accountId: 999_999_999, record })).rejects.toBeInstanceOf(UnknownAccountError);
    const broken = sampleActivity({ startedAt: "yesterday" }, 0);
    await expect(storeActivity(db, { accountId: account(0).accountId, record: broken })).rejects.toBeInstanceOf(InvalidActivityError);
    expect(await storedActivities(db, [record.id, broken.id])).toEqual([]);
  });

  it("treats malformed records and entries as permanent (they would fail on every retry)", async () => {
    const noFigures = { ...sampleActivity({}, 1), figures: undefined } as unknown as ActivityRecord;
    await expect(storeActivity(db, { accountId: account(0).accountId, record: noFigures })).rejects.toBeInstanceOf(InvalidActivityError);
    const badLevel = sampleActivity({}, 0);
    badLevel.entries.push({ level: "fatal", at: badLevel.startedAt, path: null, message: "x" } as unknown as ActivityEntry);
    await expect(storeActivity(db, { accountId: account(0).accountId, record: badLevel })).rejects.toBeInstanceOf(InvalidActivityError);
    const nullEntry = sampleActivity({}, 0);
    nullEntry.entries.push(null as unknown as ActivityEntry);
    await expect(storeActivity(db, { accountId: account(0).accountId, record: nullEntry })).rejects.toBeInstanceOf(InvalidActivityError);
    expect(await storedActivities(db, [noFigures.id, badLevel.id, nullEntry.id])).toEqual([]);
  });

  it("stores an activity of a server that is no longer registered with no server", async () => {
    const record = sampleActivity({}, 1);
    const { activityId } = await storeActivity(db, { accountId: account(0).accountId, serverId: 999_999_999, record });
    const [row] = await db.select({ serverId: activities.serverId }).from(activities).where(eq(activities.id, activityId));
    expect(row?.serverId).toBeNull();
  });
});
