/**
 * The e2e portal's webServer command (`tsx e2e/support/serve.ts`): rebuilds the e2e database from
 * nothing (drop, create, migrate, demo seed), then runs `next start` on it. Playwright kills the
 * process group at the end of the run; the global teardown drops the database.
 *
 * Runs the existing production build: `npm run build` first (npm test does).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createDatabaseIfMissing, dropDatabase } from "../../db/admin";
import { createDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { seedDemo } from "../../db/seed";
import { E2E_AUTH_SECRET, PORTAL_PORT, e2eDatabaseUrl, portalUrl, seedOptions } from "./e2e-env";

const root = path.join(__dirname, "..", "..");

function log(message: string): void {
  process.stderr.write(`[e2e serve] ${message}\n`);
}

async function prepareDatabase(): Promise<void> {
  const started = Date.now();
  await dropDatabase(e2eDatabaseUrl);
  await createDatabaseIfMissing(e2eDatabaseUrl);
  const { db, pool } = createDatabase(e2eDatabaseUrl, 2);
  try {
    await migrateDatabase(db);
    const migrated = Date.now();
    const { seeded, counts } = await seedDemo(db, seedOptions);
    if (!seeded) throw new Error(`${e2eDatabaseUrl} was not empty after a drop and create`);
    log(`database ready: migrate ${migrated - started} ms, seed ${Date.now() - migrated} ms (${counts?.accounts} accounts, ${counts?.activities} activities)`);
  } finally {
    await pool.end();
  }
}

function startNext(): void {
  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(PORTAL_PORT)], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: e2eDatabaseUrl,
      AUTH_SECRET: E2E_AUTH_SECRET,
      // Overrides an AUTH_URL a developer may have in .env.local (next start loads it).
      AUTH_URL: portalUrl,
    },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("no production build in .next: run `npm run build` before the e2e suites");
  }
  await prepareDatabase();
  startNext();
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
