import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { activities, backupAccounts, type ActivityKind, type ActivityStatus } from "../../../db/schema";
import { openTestDatabase } from "../../../test/db";
import { createUser, createWorld } from "../../../test/world";
import { stripStart } from "./daily-outcomes";
import { listBackupDashboard } from "./list-backup-dashboard";

const db = openTestDatabase();
let w: Awaited<ReturnType<typeof createWorld>>;
let customer: Awaited<ReturnType<typeof createUser>>;
let accountId: number;
const now = new Date("2026-06-30T15:00:00.000Z");
const at = (daysAgo: number, hour: number) => new Date(Date.UTC(2026, 5, 30 - daysAgo, hour));

beforeAll(async () => {
  w = await createWorld(db);
  customer = await createUser(db, { role: "customer", resellerId: w.r1 });
  const [row] = await db
    .insert(backupAccounts)
    .values({ loginName: `dash-${w.tag}`, resellerId: w.r1, customerUserId: customer.userId, storageDeviceId: w.device, passwordHash: "x", quotaBytes: 1e10, usedBytes: 25e8, expectedIntervalHours: 24, createdAt: at(60, 0) })
    .$returningId();
  accountId = row!.id;
  const runs: [number, number, ActivityStatus, ActivityKind?][] = [
    [0, 9, "success"],
    [0, 3, "running"],
    [1, 1, "success"],
    [1, 13, "failed"],
    [1, 20, "success"],
    [2, 8, "warning"],
    [3, 8, "interrupted"],
    [3, 9, "warning"],
    [4, 8, "failed", "restore"],
    [29, 0, "success"],
    [30, 23, "failed"],
  ];
  await db.insert(activities).values(
    runs.map(([d, h, status, kind], i) => ({ accountId, resellerId: w.r1, kind: kind ?? "backup", status, startedAt: at(d, h), idempotencyKey: `dash-${randomBytes(4).toString("hex")}-${i}` })),
  );
});

describe("the backup dashboard", () => {
  it("lists only the customer's own accounts, with health and storage", async () => {
    const rows = await listBackupDashboard({ db, actor: customer }, now);
    expect(rows.map((r) => r.id)).toEqual([accountId]);
    expect(rows[0]).toMatchObject({ loginName: `dash-${w.tag}`, health: "ok", lastSuccessAt: at(0, 9), usedBytes: 25e8, quotaBytes: 1e10 });
    expect(rows[0]!.nextExpectedAt).toEqual(new Date(at(0, 9).getTime() + 24 * 3_600_000));
    expect((await listBackupDashboard({ db, actor: w.customerB }, now)).map((r) => r.id)).toEqual([w.accountB]);
  });

  it("a 30-day strip of each UTC day's worst finished backup, oldest first", async () => {
    const [row] = await listBackupDashboard({ db, actor: customer }, now);
    expect(row!.days).toHaveLength(30);
    expect(row!.days.slice(-5)).toEqual([null, "interrupted", "warning", "failed", "success"]);
    expect(row!.days[0]).toBe("success");
    expect(row!.days.filter((d) => d !== null)).toHaveLength(5);
    expect(stripStart(now, 30)).toEqual(at(29, 0));
  });

  it("one customer's dashboard for its reseller or an admin; nothing across tenants", async () => {
    const ids = async (actor: typeof w.admin, customerUserId: number) => (await listBackupDashboard({ db, actor }, now, { customerUserId })).map((r) => r.id);
    expect(await ids(w.reseller1, w.customerA.userId)).toEqual([w.accountA]);
    expect(await ids(w.admin, w.customerB.userId)).toEqual([w.accountB]);
    expect(await ids(w.reseller2, w.customerA.userId)).toEqual([]);
    expect(await ids(w.reseller1, w.customerB.userId)).toEqual([]);
  });
});
