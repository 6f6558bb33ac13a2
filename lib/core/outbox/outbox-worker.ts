import { StorageError } from "../storage/driver";
import { backoffDelay, defaultBackoff } from "./backoff";
import type { DeliveryFailure, OutboxWorker, OutboxWorkerOptions, PassResult } from "./outbox-worker-types";
import { isPermanentDeliveryError } from "./permanent-error";
import { realTimers } from "./worker-timers";

export type { DeliveryFailure, OutboxWorker, OutboxWorkerOptions, PassResult } from "./outbox-worker-types";

/**
 * Replays an outbox in order, one item at a time: deliver, then acknowledge. The first transient
 * failure ends the pass and the next one waits out a capped exponential backoff, so a database
 * outage costs one attempt per backoff step, not one per item. Permanent failures are parked and
 * the pass goes on. Nothing is ever deleted that was not delivered or parked.
 */
export function createOutboxWorker<T>(options: OutboxWorkerOptions<T>): OutboxWorker {
  const { outbox, deliver, timers = realTimers, random = Math.random, onError } = options;
  const backoff = { ...defaultBackoff, ...options.backoff };
  const pollIntervalMs = options.pollIntervalMs ?? 30_000;
  let current: Promise<PassResult> | null = null;
  let timer: unknown = null;
  let retryInMs = 0;
  let again = false;
  let stopped = false;
  let failures = 0;
  let delivered = 0;
  let parked = 0;

  const report = (error: unknown, failure: DeliveryFailure) => {
    try {
      onError?.(error, failure);
    } catch {
      // A broken logger must not stop deliveries.
    }
  };

  async function park(id: string, error: unknown, result: PassResult): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    await outbox.park(id, reason);
    parked += 1;
    result.parked += 1;
    report(error, { id, parked: true, attempt: 1, retryInMs: null });
  }

  /** One pass over the outbox. Never rejects: a failure is returned for scheduling. */
  async function pass(): Promise<PassResult> {
    const result: PassResult = { delivered: 0, parked: 0, remaining: outbox.depth, error: null };
    let id: string | null = null;
    try {
      for (id of await outbox.pending()) {
        if (stopped) break;
        let item: T;
        try {
          item = await outbox.read(id);
        } catch (error) {
          // Acknowledged by another worker since we listed: nothing to do.
          if (error instanceof StorageError && error.code === "not_found") continue;
          if (!isPermanentDeliveryError(error)) throw error;
          await park(id, error, result);
          continue;
        }
        try {
          await deliver(item, id);
        } catch (error) {
          if (!isPermanentDeliveryError(error)) throw error;
          await park(id, error, result);
          continue;
        }
        await outbox.acknowledge(id);
        delivered += 1;
        result.delivered += 1;
      }
    } catch (error) {
      result.error = error;
      failures += 1;
      retryInMs = backoffDelay(failures, backoff, random);
      report(error, { id, parked: false, attempt: failures, retryInMs: stopped ? null : retryInMs });
    }
    result.remaining = outbox.depth;
    if (result.error === null) failures = 0;
    return result;
  }

  function schedule(ms: number): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = null;
      void run();
    }, ms);
  }

  /** Passes never overlap: a caller arriving during one waits for it, then runs its own. */
  async function run(): Promise<PassResult> {
    while (current) await current;
    if (stopped) return { delivered: 0, parked: 0, remaining: outbox.depth, error: null };
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    again = false;
    const mine = pass();
    current = mine;
    const result = await mine;
    current = null;
    if (stopped) return result;
    if (result.error !== null) schedule(retryInMs);
    else if (again) schedule(0);
    else schedule(pollIntervalMs);
    return result;
  }

  return {
    start() {
      if (!stopped && !current) void run();
    },
    wake() {
      if (stopped) return;
      if (current) {
        again = true;
        return;
      }
      if (failures > 0) return;
      void run();
    },
    drain: run,
    async stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      while (current) await current;
    },
    get depth() {
      return outbox.depth;
    },
    get delivered() {
      return delivered;
    },
    get parked() {
      return parked;
    },
    get failures() {
      return failures;
    },
  };
}
