import path from "node:path";
import { migrate } from "drizzle-orm/mysql2/migrator";
import type { Database } from "./client";

export const migrationsFolder = path.join(__dirname, "migrations");

/** Applies the committed migrations that have not run yet; safe to run any number of times. */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder });
}
