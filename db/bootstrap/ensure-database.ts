import path from "node:path";
import { env } from "../../lib/env";
import { randomSecret, updateEnvFile } from "./env-file";
import { findDatabase } from "./find-database";
import { redactUrl } from "./redact-url";

// The settings `npm run db:up` settles live in .env.local, which Next and every bin script load.
export const envLocalFile = () => path.join(process.cwd(), ".env.local");

/**
 * Finds or starts the metadata database, records its URL in .env.local when it was not configured
 * there already, and sets process.env.DATABASE_URL for child processes. Returns the URL.
 */
export async function ensureDatabase(): Promise<string> {
  const choice = await findDatabase({
    configuredUrl: env.DATABASE_URL,
    privateDir: path.join(env.STRONGROOM_DATA_DIR, "mysql"),
  });
  for (const note of choice.notes) console.warn(`db:up: ${note}`);
  const recorded = choice.source !== "configured" && (await updateEnvFile(envLocalFile(), { DATABASE_URL: choice.url }));
  process.env.DATABASE_URL = choice.url;
  console.log(`db:up: using ${choice.description}: ${redactUrl(choice.url)}${recorded ? " (written to .env.local)" : ""}`);
  return choice.url;
}

/** Makes sure AUTH_SECRET is set, generating one into .env.local the first time. Never printed. */
export async function ensureAuthSecret(): Promise<string> {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const secret = randomSecret();
  await updateEnvFile(envLocalFile(), { AUTH_SECRET: secret });
  process.env.AUTH_SECRET = secret;
  console.log("db:up: generated AUTH_SECRET in .env.local");
  return secret;
}
