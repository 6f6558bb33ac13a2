import fs from "node:fs/promises";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { createLocalDriver } from "../../core/storage/local-driver";
import type { AccountDirectory } from "../accounts";
import { createMetrics, createProtocolServer, createQuotaTracker, createRequestAuthenticator, createSessionRegistry } from "../http";
import type { DaemonConfig } from "./daemon-config";
import { openActivityPipeline } from "./open-activity-pipeline";
import { createSessionActivities } from "./session-activities";
import { drainAndClose } from "./drain-and-close";
import type { Database } from "../../../db/client";

export interface RunningDaemon {
  port: number;
  /** Stop taking sessions, let running ones finish (up to drainSeconds), then close everything. */
  shutdown(): Promise<void>;
}

export interface DaemonDeps {
  accounts: Pick<AccountDirectory, "authenticate">;
  db: Database | null;
  logger: Logger;
  /** How long a successful login is trusted before the directory is asked again. */
  authCacheMs?: number;
}

/** Boot order matters: the activity outbox recovers crashed sessions before any new one is admitted. */
export async function startDaemon(config: DaemonConfig, deps: DaemonDeps): Promise<RunningDaemon> {
  const { logger } = deps;
  if (!config.tls) throw new Error("no TLS certificate configured: set tls.cert and tls.key, or use --self-signed DIR");
  const tls = { cert: await fs.readFile(config.tls.cert), key: await fs.readFile(config.tls.key) };
  const pipeline = await openActivityPipeline({ db: deps.db, stateDir: config.stateDir, serverId: null, logger });
  const sessions = createSessionRegistry({
    maxSessions: config.maxSessions,
    idleTimeoutMs: config.sessionIdleSeconds * 1000,
    retryAfterSeconds: config.retryAfterSeconds,
    activities: createSessionActivities(pipeline),
  });
  const metrics = createMetrics();
  const server = createProtocolServer(
    {
      auth: createRequestAuthenticator(deps.accounts, deps.authCacheMs ?? 30_000),
      sessions,
      quota: createQuotaTracker(),
      metrics,
      logger,
      limits: { maxBodyBytes: config.maxBodyBytes, bodyIdleMs: config.bodyIdleSeconds * 1000 },
      driverFor: createLocalDriver,
      gauges: () => ({ outboxDepth: pipeline.depth, outboxDead: pipeline.dead }),
    },
    tls,
    { headersTimeoutMs: config.headersTimeoutSeconds * 1000, requestTimeoutMs: config.requestTimeoutSeconds * 1000, keepAliveTimeoutMs: 65_000 },
  );
  const expiry = setInterval(() => {
    void sessions.expireIdle().then((n) => n > 0 && logger.warn({ count: n }, "idle sessions ended as interrupted"));
  }, Math.min(10_000, config.sessionIdleSeconds * 250));
  expiry.unref();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.listen.port, config.listen.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ host: config.listen.host, port, maxSessions: config.maxSessions, database: deps.db !== null, devices: config.devices.length }, "listening");
  let stopping: Promise<void> | null = null;
  return {
    port,
    shutdown() {
      stopping ??= drainAndClose({ server, sessions, pipeline, logger, drainMs: config.drainSeconds * 1000 }).finally(() => clearInterval(expiry));
      return stopping;
    },
  };
}
