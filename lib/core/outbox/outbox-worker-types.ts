import type { BackoffOptions } from "./backoff";
import type { Outbox } from "./outbox";
import type { WorkerTimers } from "./worker-timers";

export interface DeliveryFailure {
  /** The entry that failed (null when listing or reading the outbox itself failed). */
  id: string | null;
  /** Parked items are not retried; the others are, after retryInMs. */
  parked: boolean;
  attempt: number;
  retryInMs: number | null;
}

export interface OutboxWorkerOptions<T> {
  outbox: Outbox<T>;
  /** Must be idempotent: an item is redelivered after a crash between delivery and acknowledge. */
  deliver: (item: T, id: string) => Promise<unknown>;
  backoff?: Partial<BackoffOptions>;
  /** Passes also run on this period, for items appended by another process or a previous run. */
  pollIntervalMs?: number;
  timers?: WorkerTimers;
  random?: () => number;
  onError?: (error: unknown, failure: DeliveryFailure) => void;
}

export interface PassResult {
  delivered: number;
  parked: number;
  /** Items still pending after the pass. */
  remaining: number;
  /** Why the pass stopped early; null when it went through the whole outbox. */
  error: unknown;
}

export interface OutboxWorker {
  /** Runs a first pass now (the backlog of a previous run) and then on the poll timer. */
  start(): void;
  /** Something was appended: run a pass soon, unless a retry is already waiting out its backoff. */
  wake(): void;
  /** Runs a pass now, even during backoff (shutdown, tests), and resolves with its outcome. */
  drain(): Promise<PassResult>;
  /** No pass starts after this; resolves once the item being delivered (if any) is done. */
  stop(): Promise<void>;
  readonly depth: number;
  readonly delivered: number;
  readonly parked: number;
  /** Consecutive failed passes; 0 once a pass succeeds. */
  readonly failures: number;
}
