import "./load-env";
import { redactUrl } from "../db/bootstrap/redact-url";
import { runMigrations } from "../db/bootstrap/run-migrations";
import { createDatabase } from "../db/client";
import { env } from "../lib/env";

// npm run db:migrate — applies the committed migrations to DATABASE_URL.
async function main(): Promise<void> {
  if (!env.DATABASE_URL) {
    console.error("DATABASE_URL is not set: run npm run db:up first");
    process.exit(1);
  }
  const { db, pool } = createDatabase(env.DATABASE_URL, 1);
  try {
    const { applied, total } = await runMigrations(db);
    console.log(`db:migrate: applied ${applied} migration(s), ${total} in total, to ${redactUrl(env.DATABASE_URL)}`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
