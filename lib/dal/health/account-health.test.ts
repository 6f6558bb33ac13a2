import { randomBytes } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activities, backupAccounts, type ActivityKind, type ActivityStatus } from "../../../db/schema";
import { openTestDatabase } from "../../../test/db";
import { createWorld } from "../../../test/world";
import { accountHealthIn, accountHealthRank, accountHealthStates, withAccountHealth, type AccountHealth } from "./account-health";

const db = openTestDatabase();
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  w = await createWorld(db);
});

// One fixed instant: every case stands a known distance from it, so boundaries are exact.
const now = new Date("2026-06-01T12:00:00.000Z");
const hours = (h: number) => new Date(now.getTime() - h * 3_600_000);
const second = 1_000;

interface Run {
  at: Date;
  status: ActivityStatus;
  kind?: ActivityKind;
}

async function account(createdAt: Date, intervalHours: number | null, runs: Run[] = []): Promise<number> {
  const tag = randomBytes(5).toString("hex");
  const [row] = await db
    .insert(backupAccounts)
    .values({ loginName: `h-${tag}`, resellerId: w.r1, customerUserId: w.customerA.userId, storageDeviceId: w.device, passwordHash: "x", quotaBytes: 1e9, expectedIntervalHours: intervalHours, createdAt })
    .$returningId();
  const id = row!.id;
  if (runs.length > 0) {
    await db
      .insert(activities)
      .values(runs.map((r, i) => ({ accountId: id, resellerId: w.r1, kind: r.kind ?? "backup", status: r.status, startedAt: r.at, idempotencyKey: `h-${tag}-${i}` })));
  }
  return id;
}

async function health(id: number, at = now) {
  const [row] = await db.select(withAccountHealth({ id: backupAccounts.id }, at)).from(backupAccounts).where(eq(backupAccounts.id, id));
  return row!;
}

describe("account health states", () => {
  it("lists the states in precedence order", () => {
    expect(accountHealthStates).toEqual(["overdue", "missed", "failed", "warning", "new", "ok"]);
  });

  it("an account never backed up is new, with no dates but the next expected run", async () => {
    const id = await account(hours(2), 24);
    expect(await health(id)).toEqual({ id, lastBackupAt: null, lastBackupStatus: null, lastSuccessAt: null, nextExpectedAt: new Date(hours(2).getTime() + 24 * 3_600_000), health: "new" });
  });

  it("without an expected interval an account is never missed or overdue, and has no next run", async () => {
    const never = await account(hours(10_000), null);
    const stale = await account(hours(10_000), null, [{ at: hours(9_000), status: "success" }]);
    expect(await health(never)).toMatchObject({ health: "new", nextExpectedAt: null });
    expect(await health(stale)).toMatchObject({ health: "ok", nextExpectedAt: null, lastSuccessAt: hours(9_000) });
  });

  it("ok after a success; the latest success sets the next expected run", async () => {
    const id = await account(hours(100), 24, [
      { at: hours(50), status: "success" },
      { at: hours(3), status: "success" },
    ]);
    expect(await health(id)).toEqual({ id, lastBackupAt: hours(3), lastBackupStatus: "success", lastSuccessAt: hours(3), nextExpectedAt: hours(3 - 24), health: "ok" });
  });

  it("failed when the latest finished backup failed or was interrupted; last success stays the older one", async () => {
    const failed = await account(hours(100), 24, [
      { at: hours(5), status: "success" },
      { at: hours(1), status: "failed" },
    ]);
    const interrupted = await account(hours(100), null, [{ at: hours(1), status: "interrupted" }]);
    expect(await health(failed)).toMatchObject({ health: "failed", lastBackupStatus: "failed", lastBackupAt: hours(1), lastSuccessAt: hours(5) });
    expect(await health(interrupted)).toMatchObject({ health: "failed", lastBackupStatus: "interrupted", lastSuccessAt: null });
  });

  it("warning when the latest backup had warnings, which still counts as a success", async () => {
    const id = await account(hours(100), 24, [
      { at: hours(30), status: "failed" },
      { at: hours(2), status: "warning" },
    ]);
    expect(await health(id)).toMatchObject({ health: "warning", lastSuccessAt: hours(2), nextExpectedAt: hours(2 - 24) });
  });

  it("a running backup does not count: neither as latest nor as success", async () => {
    const afterFailure = await account(hours(10), 24, [
      { at: hours(2), status: "failed" },
      { at: hours(0.1), status: "running" },
    ]);
    const onlyRunning = await account(hours(1), 24, [{ at: hours(0.5), status: "running" }]);
    expect(await health(afterFailure)).toMatchObject({ health: "failed", lastBackupAt: hours(2) });
    expect(await health(onlyRunning)).toMatchObject({ health: "new", lastBackupAt: null, lastBackupStatus: null });
  });

  it("restores, checks and prunes do not count as backups", async () => {
    const id = await account(hours(100), 24, [
      { at: hours(3), status: "success" },
      { at: hours(2), status: "failed", kind: "restore" },
      { at: hours(1), status: "failed", kind: "check" },
    ]);
    const onlyRestore = await account(hours(30), 24, [{ at: hours(1), status: "success", kind: "restore" }]);
    expect(await health(id)).toMatchObject({ health: "ok", lastBackupAt: hours(3) });
    expect(await health(onlyRestore)).toMatchObject({ health: "missed", lastSuccessAt: null });
  });

  it("missed once the interval since the last success has passed, before a failure's state", async () => {
    const id = await account(hours(100), 24, [
      { at: hours(30), status: "success" },
      { at: hours(1), status: "failed" },
    ]);
    expect(await health(id)).toMatchObject({ health: "missed", nextExpectedAt: hours(6) });
  });

  it("missed and overdue boundaries, counted from the last success", async () => {
    const id = await account(hours(1_000), 24, [{ at: hours(10), status: "success" }]);
    const nextExpected = hours(10 - 24).getTime();
    expect((await health(id, new Date(nextExpected - second))).health).toBe("ok");
    expect((await health(id, new Date(nextExpected))).health).toBe("ok");
    expect((await health(id, new Date(nextExpected + second))).health).toBe("missed");
    const threeIntervals = hours(10 - 72).getTime();
    expect((await health(id, new Date(threeIntervals))).health).toBe("missed");
    expect((await health(id, new Date(threeIntervals + second))).health).toBe("overdue");
  });

  it("missed and overdue boundaries, counted from creation when never successful", async () => {
    const created = hours(0);
    const id = await account(created, 12, [{ at: hours(-1), status: "failed" }]);
    const at = (h: number, extra = 0) => new Date(created.getTime() + h * 3_600_000 + extra);
    expect((await health(id, at(12))).health).toBe("failed");
    expect((await health(id, at(12, second))).health).toBe("missed");
    expect((await health(id, at(36, second))).health).toBe("overdue");
    const never = await account(created, 12);
    expect((await health(never, at(12))).health).toBe("new");
    expect((await health(never, at(12, second))).health).toBe("missed");
    expect((await health(never, at(36))).health).toBe("missed");
    expect((await health(never, at(36, second))).health).toBe("overdue");
  });

  it("filters and sorts by health in the query", async () => {
    const ok = await account(hours(100), 24, [{ at: hours(1), status: "success" }]);
    const failed = await account(hours(100), 24, [{ at: hours(1), status: "failed" }, { at: hours(2), status: "success" }]);
    const overdue = await account(hours(100), 24);
    const ids = [ok, failed, overdue];
    const pick = async (states: AccountHealth[]) =>
      (await db.select({ id: backupAccounts.id }).from(backupAccounts).where(accountHealthIn(states, now)).orderBy(asc(backupAccounts.id))).map((r) => r.id).filter((id) => ids.includes(id));
    expect(await pick(["failed", "overdue"])).toEqual([failed, overdue]);
    expect(await pick(["ok"])).toEqual([ok]);
    expect(await pick([])).toEqual(ids);
    const ranked = await db
      .select({ id: backupAccounts.id, rank: accountHealthRank(now) })
      .from(backupAccounts)
      .where(inArray(backupAccounts.id, ids))
      .orderBy(accountHealthRank(now));
    expect(ranked.map((r) => r.id)).toEqual([overdue, failed, ok]);
    expect(ranked.map((r) => Number(r.rank))).toEqual([0, 2, 5]);
  });
});
