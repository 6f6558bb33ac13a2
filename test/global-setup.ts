import type { TestProject } from "vitest/node";
import { createDatabaseIfMissing, dropDatabase } from "../db/admin";
import { createDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { scratchDatabaseUrl } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// One migrated scratch database for the integration tests of this run, dropped at the end.
export default async function setup(project: TestProject) {
  const url = scratchDatabaseUrl();
  await createDatabaseIfMissing(url);
  const { db, pool } = createDatabase(url, 2);
  try {
    await migrateDatabase(db);
  } finally {
    await pool.end();
  }
  project.provide("databaseUrl", url);
  return async () => {
    await dropDatabase(url);
  };
}
