import fs from "node:fs/promises";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { createLocalDriver } from "../../core/storage/local-driver";
import { syncAccountCaches, type AccountDirectory, type MountedDevice } from "../accounts";
import { heartbeat } from "../registry";
import { createMetrics, createProtocolServer, createQuotaTracker, createRequestAuthenticator, createSessionRegistry, createUsageTracker, type UsageTracker } from "../http";
import type { DaemonConfig } from "./daemon-config";
import { openActivityPipeline } from "./open-activity-pipeline";
import { createSessionActivities } from "./session-activities";
import { drainAndClose } from "./drain-and-close";
import { sweepDeviceTemp } from "./sweep-device-temp";
import type { Database } from "../../../db/client";

export interface RunningDaemon {
  port: number;
  /** Stop taking sessions, let running ones finish (up to drainSeconds), then close everything. */
  shutdown(): Promise<void>;
}

export interface DaemonDeps {
  accounts: Pick<AccountDirectory, "authenticate" | "refresh" | "recordUsage">;
  db: Database | null;
  logger: Logger;
  /** How long a successful login is trusted before the directory is asked again. */
  authCacheMs?: number;
  /** This server's id in MySQL (from registerServer): enables the heartbeat. */
  serverId?: number | null;
  /** The devices served, whose account caches are synced from MySQL at start and periodically. */
  devices?: MountedDevice[];
}

/** Boot order matters: the activity outbox recovers crashed sessions before any new one is admitted. */
export async function startDaemon(config: DaemonConfig, deps: DaemonDeps): Promise<RunningDaemon> {
  const { logger } = deps;
  if (!config.tls) throw new Error("no TLS certificate configured: set tls.cert and tls.key, or use --self-signed DIR");
  const tls = { cert: await fs.readFile(config.tls.cert), key: await fs.readFile(config.tls.key) };
  const pipeline = await openActivityPipeline({ db: deps.db, stateDir: config.stateDir, serverId: deps.serverId ?? null, logger });
  const usage = createUsageTracker(deps.accounts, (login, err) => logger.warn({ err, account: login }, "storage use not recorded; will retry"));
  const background = startBackgroundTasks(config, deps, usage);
  const sessions = createSessionRegistry({
    maxSessions: config.maxSessions,
    idleTimeoutMs: config.sessionIdleSeconds * 1000,
    retryAfterSeconds: config.retryAfterSeconds,
    activities: createSessionActivities(pipeline),
  });
  const metrics = createMetrics();
  const server = createProtocolServer(
    {
      auth: createRequestAuthenticator(deps.accounts, { recordMs: deps.authCacheMs ?? 30_000 }),
      sessions,
      quota: createQuotaTracker(),
      usage,
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
  await background.syncNow();
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
      background.draining();
      stopping ??= drainAndClose({ server, sessions, pipeline, logger, drainMs: config.drainSeconds * 1000 }).finally(() => {
        clearInterval(expiry);
        return background.stop();
      });
      return stopping;
    },
  };
}

/**
 * With a database: the account caches synced from MySQL (at start and every cacheSyncSeconds) and
 * the heartbeat (every heartbeatSeconds, "online", then "draining" once shutdown begins and
 * "offline" as the last beat), with which storage-use figures MySQL missed are sent again.
 * With or without one: stale upload temp files swept from the devices at start and with each sync. An unreachable database is logged, never fatal. Timers are unref'd.
 */
function startBackgroundTasks(config: DaemonConfig, deps: DaemonDeps, usage: UsageTracker) {
  const { db, logger } = deps;
  const serverId = deps.serverId ?? null;
  const devices = deps.devices ?? [];
  // No live upload can leave its temp file untouched longer than a whole request may last.
  const staleTempMs = config.requestTimeoutSeconds * 1000 + 60_000;
  let sweeping: Promise<unknown> | null = null;
  const sweep = () => {
    sweeping ??= sweepDeviceTemp(devices, staleTempMs, logger).finally(() => (sweeping = null));
  };
  let status: "online" | "draining" = "online";
  let syncing: Promise<void> | null = null;
  let lastBeat: Promise<void> = Promise.resolve();
  const syncNow = (): Promise<void> => {
    if (!db || devices.length === 0) return Promise.resolve();
    syncing ??= syncAccountCaches(db, devices)
      .then((result) => {
        if (!result.ok) logger.warn({ err: result.error }, "account cache sync skipped: MySQL unreachable");
        else if (result.failed.length > 0 || result.orphaned.length > 0) logger.warn({ written: result.written, failed: result.failed, orphaned: result.orphaned }, "account caches synced with problems");
        else logger.debug({ written: result.written, unchanged: result.unchanged, removed: result.removed }, "account caches synced");
      })
      .catch((err: unknown) => logger.error({ err }, "account cache sync failed"))
      .finally(() => (syncing = null));
    return syncing;
  };
  const beat = (now: "online" | "draining" | "offline"): Promise<void> => {
    if (!db || serverId === null) return Promise.resolve();
    // Beats go out one after another, so "offline" is never overtaken by an earlier beat.
    lastBeat = lastBeat.then(() => heartbeat(db, serverId, now))
      .then((result) => {
        if (!result.ok) logger.warn({ reason: result.reason }, "heartbeat not recorded");
      })
      .catch((err: unknown) => logger.error({ err }, "heartbeat failed"));
    return lastBeat;
  };
  const timers = [
    setInterval(() => {
      void syncNow();
      sweep();
    }, config.cacheSyncSeconds * 1000),
    setInterval(() => {
      void beat(status);
      void usage.retryPending();
    }, config.heartbeatSeconds * 1000),
  ];
  for (const timer of timers) timer.unref();
  // In the background: walking a large device must not delay serving.
  sweep();
  return {
    syncNow,
    draining() {
      if (status === "draining") return;
      status = "draining";
      void beat("draining");
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await usage.idle();
      await sweeping;
      await syncing;
      await beat("offline");
    },
  };
}
