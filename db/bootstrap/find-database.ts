import path from "node:path";
import { createDatabaseIfMissing, databaseName, serverAnswers, withDatabaseName } from "../admin";
import { findMariadbBinaries, recordedPort, runningPid, startPrivateMariadb, type MariadbBinaries } from "./private-mariadb";
import { redactUrl } from "./redact-url";

export const defaultLocalServerUrl = "mysql://root@127.0.0.1:3306/";
export const defaultDatabaseName = "strongroom";
export const installHint = "apt-get install mariadb-server (Debian/Ubuntu)";

export interface DatabaseChoice {
  url: string;
  source: "configured" | "local-server" | "private";
  /** One human line saying which server was chosen and why. */
  description: string;
  /** Things worth a warning, e.g. a configured URL that did not answer. */
  notes: string[];
}

export interface FindDatabaseOptions {
  configuredUrl?: string;
  privateDir: string;
  localServerUrl?: string;
  databaseName?: string;
  /** null: behave as if no server binary is installed. */
  binaries?: MariadbBinaries | null;
}

export class NoDatabaseServerError extends Error {
  constructor() {
    super(`No MySQL/MariaDB server answers and none is installed to start privately: ${installHint}, then run npm run db:up again (or set DATABASE_URL in .env.local).`);
  }
}

function isLoopback(host: string): boolean {
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
}

// A URL written by an earlier run for the private instance: restart that instance rather than
// falling through to another server, which would silently abandon its data.
function pointsAtPrivate(url: string, port: number | undefined): boolean {
  const u = new URL(url);
  return port !== undefined && isLoopback(u.hostname) && Number(u.port) === port;
}

/**
 * Picks the database to use, in order: the configured DATABASE_URL if its server answers, a local
 * server on 127.0.0.1:3306, then a private MariaDB under `privateDir`. Creates the chosen database
 * if missing and touches no other.
 */
export async function findDatabase(options: FindDatabaseOptions): Promise<DatabaseChoice> {
  const notes: string[] = [];
  const name = options.databaseName ?? defaultDatabaseName;
  const recorded = await recordedPort(options.privateDir);
  const { configuredUrl } = options;
  const privateChosenBefore = configuredUrl !== undefined && pointsAtPrivate(configuredUrl, recorded);

  if (configuredUrl && !privateChosenBefore) {
    if (await serverAnswers(configuredUrl)) {
      await createDatabaseIfMissing(configuredUrl);
      return { url: configuredUrl, source: "configured", description: "DATABASE_URL as configured", notes };
    }
    notes.push(`DATABASE_URL ${redactUrl(configuredUrl)} does not answer; looking for another server`);
  }

  const localServerUrl = options.localServerUrl ?? defaultLocalServerUrl;
  if (!privateChosenBefore && (await serverAnswers(localServerUrl))) {
    const url = withDatabaseName(localServerUrl, name);
    await createDatabaseIfMissing(url);
    return { url, source: "local-server", description: `MariaDB/MySQL at ${new URL(localServerUrl).host}`, notes };
  }

  const binaries = options.binaries === undefined ? findMariadbBinaries() : (options.binaries ?? undefined);
  if (!binaries && !(await runningPid(options.privateDir))) throw new NoDatabaseServerError();
  const started = await startPrivateMariadb(options.privateDir, { binaries });
  const privateName = privateChosenBefore ? databaseName(configuredUrl) : name;
  const url = withDatabaseName(started.serverUrl, privateName);
  await createDatabaseIfMissing(url);
  const state = { running: "already running", restarted: "restarted", started: "started" }[started.state];
  const where = path.relative(process.cwd(), path.resolve(options.privateDir)) || ".";
  return { url, source: "private", description: `private MariaDB in ${where} (${state}, port ${started.port})`, notes };
}
