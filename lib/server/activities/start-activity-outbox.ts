import path from "node:path";
import { sql } from "drizzle-orm";
import type { ActivitySink } from "../../core/activity/activity-sink";
import type { ActivityDelivery } from "../../core/outbox/activity-delivery";
import { openStateDirectory } from "../../core/outbox/open-state-directory";
import { openOutbox, type Outbox } from "../../core/outbox/outbox";
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from "../../core/outbox/outbox-worker";
import { createOutboxSink } from "../../core/sessions/outbox-sink";
import { recoverInterruptedSessions, type RecoverOptions } from "../../core/sessions/recover-interrupted-sessions";
import { createSessionJournal, type RunningSession, type SessionJournal } from "../../core/sessions/session-journal";
import type { Database } from "../../../db/client";
import { storeActivity } from "./store-activity";
import { watchDatabaseRecovery } from "./watch-database-recovery";

export interface ActivityOutboxOptions extends Pick<OutboxWorkerOptions<ActivityDelivery>, "backoff" | "pollIntervalMs" | "timers" | "onError"> {
  db: Database;
  /** The daemon's state directory on its own disk; `outbox/` and `sessions/` go below it. */
  stateDir: string;
  serverId: number | null;
  now?: () => Date;
  onUnreadable?: RecoverOptions["onUnreadable"];
  /** While deliveries fail, MySQL is probed this often and a pass runs once it answers (default 2 s). */
  recoveryProbeMs?: number;
}

export interface ActivityOutbox {
  outbox: Outbox<ActivityDelivery>;
  journal: SessionJournal;
  worker: OutboxWorker;
  /** Sessions found running from before the last crash, now queued as interrupted. */
  interrupted: RunningSession[];
  /** The sink for one session of one account: journals it, then queues its record. */
  sinkFor(accountId: number): ActivitySink;
  /** Stops the worker and the recovery probe. */
  stop(): Promise<void>;
}

/**
 * The daemon's activity pipeline, started once at boot before it accepts sessions: open the
 * outbox and the running-sessions journal, turn the sessions a crash cut short into interrupted
 * activities, and start the worker that replays the outbox into MySQL. Nothing here needs the
 * database to be up: the worker retries until it is, and a probe runs a pass as soon as MySQL
 * answers again. Stop with `stop()` on shutdown.
 */
export async function startActivityOutbox(options: ActivityOutboxOptions): Promise<ActivityOutbox> {
  const { db, stateDir, serverId, now } = options;
  const outbox = await openOutbox<ActivityDelivery>({ driver: await openStateDirectory(path.join(stateDir, "outbox")), now });
  const journal = createSessionJournal(await openStateDirectory(path.join(stateDir, "sessions")));
  const interrupted = await recoverInterruptedSessions({ journal, outbox, now, onUnreadable: options.onUnreadable });
  const worker = createOutboxWorker<ActivityDelivery>({
    outbox,
    deliver: (delivery) => storeActivity(db, delivery),
    backoff: options.backoff,
    pollIntervalMs: options.pollIntervalMs,
    timers: options.timers,
    onError: options.onError,
  });
  worker.start();
  const recovery = watchDatabaseRecovery({ worker, probe: () => db.execute(sql`select 1`), everyMs: options.recoveryProbeMs ?? 2_000, timers: options.timers });
  return {
    outbox,
    journal,
    worker,
    interrupted,
    sinkFor: (accountId) => createOutboxSink({ outbox, journal, accountId, serverId, onAppended: () => worker.wake() }),
    async stop() {
      recovery.stop();
      await worker.stop();
    },
  };
}
