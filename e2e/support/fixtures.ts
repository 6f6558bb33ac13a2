import { test as base } from "@playwright/test";
import { createDatabase, type Database } from "../../db/client";
import { e2eDatabaseUrl } from "./e2e-env";
import { loadWorld, type World } from "./world";

/**
 * Worker-scoped handles on the real e2e database: the suites seed and look up their objects with
 * drizzle, the same schema the portal reads. (`provide` is Playwright's `use`, renamed so React's
 * hook lint rule does not mistake it for a hook.)
 */
export const test = base.extend<object, { db: Database; world: World }>({
  db: [
    async ({}, provide) => {
      const { db, pool } = createDatabase(e2eDatabaseUrl, 2);
      await provide(db);
      await pool.end();
    },
    { scope: "worker" },
  ],
  world: [async ({ db }, provide) => provide(await loadWorld(db)), { scope: "worker" }],
});

export { expect } from "@playwright/test";
