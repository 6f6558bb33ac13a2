import { parseArgs } from "node:util";
import type { Database } from "../../../db/client";
import { createAccountDirectory } from "../accounts";
import { createLogger } from "./create-logger";
import { loadDaemonConfig } from "./daemon-config";
import { ensureSelfSignedCertificate } from "./self-signed-certificate";
import { startDaemon } from "./start-daemon";

const usage = "usage: strongroom-server [--config FILE] [--self-signed DIR]";

/**
 * The daemon's main: config, TLS, database (optional), accounts, then serve until SIGTERM or
 * SIGINT, which drain. Returns the exit code once stopped, or null while serving.
 */
export async function runServer(argv: string[], env: Readonly<Record<string, string | undefined>>): Promise<number | null> {
  let config;
  try {
    const { values } = parseArgs({ args: argv, options: { config: { type: "string", short: "c" }, "self-signed": { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    config = await loadDaemonConfig(values.config ?? null, env, values["self-signed"] ? { selfSignedDir: values["self-signed"] } : {});
    if (!config.tls && config.selfSignedDir) config = { ...config, tls: await ensureSelfSignedCertificate(config.selfSignedDir) };
  } catch (error) {
    process.stderr.write(`strongroom-server: ${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    return 2;
  }
  const logger = createLogger({ level: config.logLevel, name: config.name });
  try {
    const db = config.databaseUrl ? await openDatabase(config.databaseUrl) : null;
    const accounts = createAccountDirectory({ db, devices: config.devices.map((d) => ({ id: d.id, root: d.path })) });
    const daemon = await startDaemon(config, { accounts, db, logger });
    const stop = (signal: string) => {
      logger.info({ signal }, "shutdown requested");
      void daemon.shutdown().then(() => process.exit(0));
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
    return null;
  } catch (error) {
    logger.fatal({ err: error }, "could not start");
    return 1;
  }
}

/** Imported only when configured: the database client validates the portal's env on import. */
async function openDatabase(url: string): Promise<Database> {
  const { createDatabase } = await import("../../../db/client");
  return createDatabase(url).db;
}
