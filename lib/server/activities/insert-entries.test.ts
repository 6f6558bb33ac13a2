import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activities, activityEntries } from "../../../db/schema";
import { openTestDatabase } from "../../../test/db";
import type { ActivityEntry } from "../../core/activity/activity";
import { ENTRY_BATCH_ROWS, insertEntries } from "./insert-entries";
import { threeAccounts } from "./test-support/stored-activities";

const db = openTestDatabase();
let accountId = 0;
let resellerId = 0;
beforeAll(async () => {
  const [first] = await threeAccounts(db);
  ({ accountId, resellerId } = first);
});

/** Inserts entries for a fresh activity row, in one transaction; returns statements and rows. */
async function insertFor(entries: ActivityEntry[]) {
  return db.transaction(async (tx) => {
    const key = `entries-${Date.now()}-${Math.random()}`;
    const [row] = await tx.insert(activities).values({ accountId, resellerId, kind: "check", status: "success", startedAt: new Date(), idempotencyKey: key }).$returningId();
    const statements = await insertEntries(tx, row?.id ?? 0, entries, new Date());
    const [stored] = await tx.select({ n: count() }).from(activityEntries).where(eq(activityEntries.activityId, row?.id ?? 0));
    return { statements, rows: stored?.n };
  });
}

const line = (message: string): ActivityEntry => ({ level: "info", at: "2025-01-01T00:00:00.000Z", path: null, message });

describe("insertEntries", () => {
  it("sends at most ENTRY_BATCH_ROWS rows per statement", async () => {
    const entries = Array.from({ length: ENTRY_BATCH_ROWS * 2 + 1 }, (_, i) => line(`line ${i}`));
    expect(await insertFor(entries)).toEqual({ statements: 3, rows: ENTRY_BATCH_ROWS * 2 + 1 });
  });

  it("splits long messages by size, so a batch never exceeds max_allowed_packet", async () => {
    // 300 x 60 KB = 18 MB: as one statement, MariaDB's default 16 MiB packet limit refuses it.
    const entries = Array.from({ length: 300 }, (_, i) => line(`${i} ${"x".repeat(60_000)}`));
    const { statements, rows } = await insertFor(entries);
    expect(rows).toBe(300);
    expect(statements).toBeGreaterThanOrEqual(5);
  });
});
