import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { migrateDatabase } from "../migrate";

// drizzle's migrator reports nothing, so count its bookkeeping rows to say what a run applied.
async function appliedCount(db: Database): Promise<number> {
  try {
    const [rows] = (await db.execute(sql`select count(*) as n from __drizzle_migrations`)) as unknown as [{ n: number }[]];
    return Number(rows[0]?.n ?? 0);
  } catch {
    return 0; // no bookkeeping table yet: nothing applied
  }
}

/** Migrates and returns how many migrations this run applied and how many are applied in total. */
export async function runMigrations(db: Database): Promise<{ applied: number; total: number }> {
  const before = await appliedCount(db);
  await migrateDatabase(db);
  const total = await appliedCount(db);
  return { applied: total - before, total };
}
