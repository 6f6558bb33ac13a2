import { parseArgs } from "node:util";
import type { Logger } from "pino";
import type { Database } from "../../../db/client";
import { createAccountDirectory } from "../accounts";
import { createLogger } from "./create-logger";
import { loadDaemonConfig, type DaemonConfig } from "./daemon-config";
import { resolveDevices } from "./resolve-devices";
import { ensureSelfSignedCertificate } from "./self-signed-certificate";
import { startDaemon, type RunningDaemon } from "./start-daemon";

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
    const db = config.databaseUrl ? openDatabase(config.databaseUrl) : null;
    const daemon = await bootDaemon(config, db, logger);
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

/**
 * Registers the server and its devices (or, with MySQL unreachable, reads their ids from their
 * marker files), then serves them: the accounts directory authenticates against MySQL with the
 * device caches as the fallback, and the daemon syncs those caches and beats while it runs.
 */
export async function bootDaemon(config: DaemonConfig, db: Database | null, logger: Logger): Promise<RunningDaemon> {
  const { serverId, devices } = await resolveDevices(config, db, logger);
  const accounts = createAccountDirectory({ db, devices, onWarning: (message, error) => logger.warn({ err: error }, message) });
  return startDaemon(config, { accounts, db, logger, serverId, devices });
}

/**
 * Loaded only when configured: the database client validates the portal's env on load. Through
 * require, not import(): bin/strongroom-server runs under tsx's CommonJS hook, which a dynamic
 * import() bypasses (it could not resolve the extensionless .ts path).
 */
function openDatabase(url: string): Database {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createDatabase } = require("../../../db/client") as typeof import("../../../db/client");
  return createDatabase(url).db;
}
