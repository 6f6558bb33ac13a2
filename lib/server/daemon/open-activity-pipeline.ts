import path from "node:path";
import type { Logger } from "pino";
import type { ActivitySink } from "../../core/activity/activity-sink";
import type { ActivityDelivery } from "../../core/outbox/activity-delivery";
import { openStateDirectory } from "../../core/outbox/open-state-directory";
import { openOutbox, type Outbox } from "../../core/outbox/outbox";
import { createOutboxSink } from "../../core/sessions/outbox-sink";
import { recoverInterruptedSessions } from "../../core/sessions/recover-interrupted-sessions";
import { createSessionJournal } from "../../core/sessions/session-journal";
import type { Database } from "../../../db/client";
import { startActivityOutbox } from "../activities/start-activity-outbox";

export interface ActivityPipeline {
  sinkFor(accountId: number): ActivitySink;
  readonly depth: number;
  readonly dead: number;
  /** Deliver what can be delivered now, then stop the worker. */
  stop(): Promise<void>;
}

/**
 * With a database: the activity outbox and its delivery worker (lib/server/activities). Without
 * one the daemon still journals sessions and queues every record durably in the same outbox;
 * the records wait there and are delivered once the daemon runs with DATABASE_URL.
 */
export async function openActivityPipeline(options: { db: Database | null; stateDir: string; serverId: number | null; logger: Logger }): Promise<ActivityPipeline> {
  const { db, stateDir, serverId, logger } = options;
  if (db) {
    const started = await startActivityOutbox({ db, stateDir, serverId, onError: (error) => logger.warn({ err: error }, "activity delivery to MySQL failed; will retry") });
    if (started.interrupted.length > 0) logger.warn({ count: started.interrupted.length }, "sessions cut short by the last crash recorded as interrupted");
    return {
      sinkFor: started.sinkFor,
      get depth() {
        return started.worker.depth;
      },
      get dead() {
        return started.outbox.deadCount;
      },
      async stop() {
        await started.worker.drain().catch(() => {});
        await started.stop();
      },
    };
  }
  const outbox: Outbox<ActivityDelivery> = await openOutbox<ActivityDelivery>({ driver: await openStateDirectory(path.join(stateDir, "outbox")) });
  const journal = createSessionJournal(await openStateDirectory(path.join(stateDir, "sessions")));
  const interrupted = await recoverInterruptedSessions({ journal, outbox });
  if (interrupted.length > 0) logger.warn({ count: interrupted.length }, "sessions cut short by the last crash recorded as interrupted");
  return {
    sinkFor: (accountId) => createOutboxSink({ outbox, journal, accountId, serverId }),
    get depth() {
      return outbox.depth;
    },
    get dead() {
      return outbox.deadCount;
    },
    stop: () => Promise.resolve(),
  };
}
