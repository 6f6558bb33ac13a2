import { afterAll, inject } from "vitest";
import { createDatabase, type Database } from "../db/client";

/** The run's migrated scratch database; the pool closes after the file's tests. */
export function openTestDatabase(): Database {
  const { db, pool } = createDatabase(inject("databaseUrl"), 4);
  afterAll(() => pool.end());
  return db;
}
