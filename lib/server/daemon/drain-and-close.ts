import type https from "node:https";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import type { SessionRegistry } from "../http";
import type { ActivityPipeline } from "./open-activity-pipeline";

/**
 * Graceful shutdown (SIGTERM): refuse new sessions at once (503, /healthz 503 so a balancer
 * takes the server out), let the running sessions finish for up to `drainMs`, record those still
 * running as interrupted, then close the listener and connections and stop the outbox worker.
 */
export async function drainAndClose(options: { server: https.Server; sessions: SessionRegistry; pipeline: ActivityPipeline; logger: Logger; drainMs: number }): Promise<void> {
  const { server, sessions, pipeline, logger, drainMs } = options;
  sessions.drain();
  logger.info({ sessions: sessions.active, drainMs }, "draining: no new sessions");
  const deadline = Date.now() + drainMs;
  while (sessions.active > 0 && Date.now() < deadline) await sleep(100);
  for (const session of sessions.list()) {
    await sessions.finish(session, null).catch((error: unknown) => logger.error({ err: error, session: session.id }, "could not record an interrupted session"));
  }
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    // Connections of sessions cut off at the deadline: nothing more will be answered on them.
    setTimeout(() => server.closeAllConnections(), 1_000).unref();
  });
  await pipeline.stop();
  logger.info("stopped");
}
