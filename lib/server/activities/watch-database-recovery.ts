import type { OutboxWorker } from "../../core/outbox/outbox-worker";
import { realTimers, type WorkerTimers } from "../../core/outbox/worker-timers";

export interface RecoveryWatchOptions {
  worker: Pick<OutboxWorker, "failures" | "drain">;
  /** A cheap round trip to MySQL (SELECT 1); rejects while it is unreachable. */
  probe: () => Promise<unknown>;
  everyMs: number;
  timers?: WorkerTimers;
}

/**
 * The worker's backoff grows to a minute, so after a long outage activities would reach MySQL up
 * to a minute after it is back. While the worker is failing, this probes MySQL every `everyMs`
 * (one cheap query, not a delivery attempt) and, as soon as it answers, runs a pass at once:
 * a successful pass resets the worker's backoff. Idle (one check of a counter) while all is well.
 */
export function watchDatabaseRecovery(options: RecoveryWatchOptions): { stop(): void } {
  const timers = options.timers ?? realTimers;
  let handle: unknown = null;
  let stopped = false;
  const tick = async () => {
    if (options.worker.failures > 0) {
      const reachable = await options.probe().then(() => true, () => false);
      if (reachable && !stopped) await options.worker.drain().catch(() => undefined);
    }
    if (!stopped) handle = timers.setTimeout(() => void tick(), options.everyMs);
  };
  handle = timers.setTimeout(() => void tick(), options.everyMs);
  return {
    stop() {
      stopped = true;
      if (handle !== null) timers.clearTimeout(handle);
    },
  };
}
