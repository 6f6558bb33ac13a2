/** The timer port of the outbox worker: tests drive retries and polls by hand. */
export interface WorkerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Real timers, unref'd: a pending retry must not keep a CLI or a test process alive; the daemon
 * stays up because of its HTTP server, not because of this worker.
 */
export const realTimers: WorkerTimers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
