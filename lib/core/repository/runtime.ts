import { hostname } from "node:os";
import type { RepositoryRuntime } from "./types";

export function resolveRuntime(given: Partial<RepositoryRuntime>): RepositoryRuntime {
  return {
    now: given.now ?? Date.now,
    hostname: given.hostname ?? hostname(),
    pid: given.pid ?? process.pid,
    isProcessAlive: given.isProcessAlive ?? isProcessAlive,
    lockStaleMs: given.lockStaleMs ?? 30 * 60_000,
    lockRefreshMs: given.lockRefreshMs ?? 5 * 60_000,
    maxPendingBytes: given.maxPendingBytes ?? 40 * 1024 * 1024,
    ...(given.onEvent ? { onEvent: given.onEvent } : {}),
    ...(given.compressionLevel === undefined ? {} : { compressionLevel: given.compressionLevel }),
  };
}

/** Signal 0 probes without signalling; EPERM means it exists but belongs to someone else. */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
