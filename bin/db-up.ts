import "./load-env";
import { ensureAuthSecret, ensureDatabase } from "../db/bootstrap/ensure-database";
import { NoDatabaseServerError } from "../db/bootstrap/find-database";

// npm run db:up — finds or starts the metadata database and records it in .env.local.
async function main(): Promise<void> {
  await ensureDatabase();
  await ensureAuthSecret();
}

main().catch((error: unknown) => {
  console.error(error instanceof NoDatabaseServerError ? error.message : error);
  process.exit(1);
});
