import { beforeAll, describe, expect, it } from "vitest";
import { snapshots } from "../../../db/schema";
import { openTestDatabase } from "../../../test/db";
import { createWorld } from "../../../test/world";
import { decodeTimeKey } from "../time-key";
import { listSnapshots } from "./list-snapshots";

const db = openTestDatabase();
let w: Awaited<ReturnType<typeof createWorld>>;
const base = Date.UTC(2026, 4, 1);

beforeAll(async () => {
  w = await createWorld(db);
  // 11 snapshots, three of them taken in the same millisecond.
  await db.insert(snapshots).values(
    Array.from({ length: 11 }, (_, i) => ({
      accountId: w.accountA,
      snapshotId: `snap-${w.tag}-${i}`,
      takenAt: new Date(base + (i >= 4 && i <= 6 ? 4 : i) * 3_600_000),
      host: "laptop",
      paths: "/home/ann",
      filesCount: 100 + i,
      bytesTotal: 1e9 + i,
      bytesAdded: 1e6 * i,
    })),
  );
});

const ctx = (actor: typeof w.admin) => ({ db, actor });

describe("listSnapshots", () => {
  it("lists the account's snapshots newest first with their figures, for those who may see it", async () => {
    const page = await listSnapshots(ctx(w.customerA), w.accountA, { limit: 200 });
    expect(page.rows).toHaveLength(11);
    expect(page.rows[0]).toMatchObject({ snapshotId: `snap-${w.tag}-10`, filesCount: 110, bytesTotal: 1e9 + 10, bytesAdded: 1e7, host: "laptop", paths: "/home/ann" });
    expect(page.next).toBeNull();
    expect((await listSnapshots(ctx(w.reseller1), w.accountA)).rows).toHaveLength(11);
    expect((await listSnapshots(ctx(w.admin), w.accountA)).rows).toHaveLength(11);
  });

  it("gives another tenant nothing for the same account id", async () => {
    expect((await listSnapshots(ctx(w.customerB), w.accountA)).rows).toEqual([]);
    expect((await listSnapshots(ctx(w.reseller2), w.accountA)).rows).toEqual([]);
  });

  it("pages through ties without skipping or repeating, and back", async () => {
    const all = (await listSnapshots(ctx(w.customerA), w.accountA, { limit: 200 })).rows.map((r) => r.id);
    const seen: number[] = [];
    const keys: (string | null)[] = [];
    let after: string | null = null;
    do {
      const page = await listSnapshots(ctx(w.customerA), w.accountA, { limit: 3, after: decodeTimeKey(after) ?? undefined });
      seen.push(...page.rows.map((r) => r.id));
      keys.push(page.previous);
      after = page.next;
    } while (after);
    expect(seen).toEqual(all);
    expect(keys[0]).toBeNull();
    const back = await listSnapshots(ctx(w.customerA), w.accountA, { limit: 3, before: decodeTimeKey(keys[2]) ?? undefined });
    expect(back.rows.map((r) => r.id)).toEqual(all.slice(3, 6));
  });
});
