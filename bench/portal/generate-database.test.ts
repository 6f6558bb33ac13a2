import mysql from "mysql2/promise";
import { afterAll, describe, expect, it } from "vitest";
import { dropDatabase } from "../../db/admin";
import { scratchDatabaseUrl } from "../../test/test-database";
import { ensureBenchDatabase } from "./generate-database";
import { makePlan } from "./plan";

// The generator end to end on a scratch database of its own (never strongroom_bench_portal): LOAD
// DATA through mysql2's stream, indexes dropped and re-added, and reuse of a complete generation.

const url = scratchDatabaseUrl("strongroom_test_benchgen");
const plan = makePlan(0.001, 3, new Date("2026-11-26T08:00:00Z"));
const quiet = () => {};
afterAll(() => dropDatabase(url));

async function query(sql: string): Promise<mysql.RowDataPacket[]> {
  const conn = await mysql.createConnection({ uri: url });
  try {
    return (await conn.query<mysql.RowDataPacket[]>(sql))[0];
  } finally {
    await conn.end();
  }
}

describe("bench:portal database", () => {
  it("loads every planned row, puts the indexes back, then reuses the database for the same plan", async () => {
    const first = await ensureBenchDatabase(url, plan, false, quiet);
    expect(first.reused).toBe(false);
    const [counts] = await query(
      "SELECT (SELECT count(*) FROM activities) AS activities, (SELECT count(*) FROM activity_entries) AS entries, (SELECT count(*) FROM backup_accounts) AS accounts",
    );
    expect(counts).toMatchObject({ activities: plan.activities, entries: plan.entries, accounts: plan.accounts });
    const [heavy] = await query(`SELECT count(*) AS n FROM activity_entries WHERE activity_id = ${first.subjects.heavyActivityId}`);
    expect(heavy!.n).toBe(plan.heavyEntries);
    const indexes = (await query("SHOW INDEX FROM activity_entries")).map((r) => r.Key_name);
    expect(indexes).toEqual(expect.arrayContaining(["activity_entries_activity_idx", "activity_entries_activity_level_idx", "activity_entries_text_ft"]));
    const [path] = await query(`SELECT path FROM activity_entries WHERE path LIKE 'C:%' LIMIT 1`);
    expect(path!.path).toMatch(/^C:\\[A-Za-z]/);

    const again = await ensureBenchDatabase(url, { ...plan, endsAt: "2026-11-27T08:00:00.000Z" }, false, quiet);
    expect(again).toMatchObject({ reused: true, subjects: first.subjects, plan: { endsAt: plan.endsAt } });
    const other = await ensureBenchDatabase(url, { ...plan, seed: 4 }, false, quiet);
    expect(other.reused).toBe(false);
  }, 120_000);
});
