import type { LockInfo, LockMode, RepositoryRuntime } from "./types";

/** `locks/<32 hex>`: plaintext JSON, rewritten in place (atomically) on every refresh. */
export type LockFileJson = { version: 1 } & Omit<LockInfo, "key">;

export function encodeLock(info: LockInfo): Buffer {
  const json: LockFileJson = {
    version: 1,
    mode: info.mode,
    hostname: info.hostname,
    pid: info.pid,
    ...(info.username ? { username: info.username } : {}),
    createdAt: info.createdAt,
    refreshedAt: info.refreshedAt,
  };
  return Buffer.from(JSON.stringify(json) + "\n");
}

export function decodeLock(key: string, bytes: Buffer): LockInfo | null {
  try {
    const j = JSON.parse(bytes.toString("utf8")) as LockFileJson;
    const valid =
      (j.mode === "shared" || j.mode === "exclusive") && typeof j.hostname === "string" &&
      Number.isInteger(j.pid) && Number.isFinite(j.createdAt) && Number.isFinite(j.refreshedAt);
    if (!valid) return null;
    return { key, mode: j.mode, hostname: j.hostname, pid: j.pid, createdAt: j.createdAt, refreshedAt: j.refreshedAt, ...(j.username ? { username: j.username } : {}) };
  } catch {
    return null;
  }
}

/**
 * Stale = provably or presumably dead. On our host we can ask the kernel: a live pid is never
 * stale, however old its refresh (a suspended laptop); a dead pid is stale at once. On another
 * host we only have the clock: stale once the last refresh is older than `lockStaleMs` (the
 * holder refreshes every `lockRefreshMs`, six times more often by default).
 */
export function isStaleLock(lock: LockInfo, rt: RepositoryRuntime): boolean {
  if (lock.hostname === rt.hostname) return !rt.isProcessAlive(lock.pid);
  return rt.now() - lock.refreshedAt > rt.lockStaleMs;
}

export function conflicts(a: LockMode, b: LockMode): boolean {
  return a === "exclusive" || b === "exclusive";
}
