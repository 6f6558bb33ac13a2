import { randomBytes } from "node:crypto";
import type { RepositoryContext } from "./context";
import { RepositoryError } from "./errors";
import { conflicts, decodeLock, encodeLock, isStaleLock } from "./lock-file";
import { toRepositoryError } from "./storage-error";
import type { LockHandle, LockInfo, LockMode, LockOptions } from "./types";

/** Every lock in the repository; an unreadable lock file counts as exclusive, refreshed at its mtime. */
export async function listLocks(ctx: RepositoryContext): Promise<LockInfo[]> {
  const locks: LockInfo[] = [];
  for await (const key of ctx.driver.list("locks/")) {
    const bytes = await ctx.driver.read(key).catch(() => null);
    if (!bytes) continue; // released while we listed
    const info = decodeLock(key, bytes);
    if (info) {
      locks.push(info);
    } else {
      const mtime = (await ctx.driver.stat(key))?.mtime.getTime() ?? 0;
      locks.push({ key, mode: "exclusive", hostname: "?", pid: 0, createdAt: mtime, refreshedAt: mtime });
    }
  }
  return locks;
}

/** Removes only provably stale locks (see isStaleLock); a live holder's lock is never touched. */
export async function removeStaleLocks(ctx: RepositoryContext): Promise<string[]> {
  const removed: string[] = [];
  for (const lock of await listLocks(ctx)) {
    if (!isStaleLock(lock, ctx.runtime)) continue;
    await ctx.driver.delete(lock.key);
    removed.push(lock.key);
  }
  return removed;
}

/**
 * restic's protocol: write our lock, then list; if a live conflicting lock exists, remove ours and
 * retry or fail. Two racing exclusive lockers both see each other and both back off, so at most
 * one ever proceeds. A stale conflicting lock is ignored (not removed).
 */
export async function acquireLock(ctx: RepositoryContext, mode: LockMode, options: LockOptions = {}): Promise<LockHandle> {
  const rt = ctx.runtime;
  const deadline = rt.now() + (options.waitMs ?? 0);
  const key = `locks/${randomBytes(16).toString("hex")}`;
  for (let attempt = 0; ; attempt++) {
    const now = rt.now();
    const info: LockInfo = { key, mode, hostname: rt.hostname, pid: rt.pid, createdAt: now, refreshedAt: now };
    await ctx.driver.write(key, encodeLock(info)).catch((error: unknown) => Promise.reject(toRepositoryError(error, key)));
    const blocking = (await listLocks(ctx)).filter((l) => l.key !== key && conflicts(mode, l.mode) && !isStaleLock(l, rt));
    if (blocking.length === 0) return startHandle(ctx, info);
    await ctx.driver.delete(key);
    if (rt.now() >= deadline) {
      const who = blocking.map((l) => `${l.mode} lock by pid ${l.pid} on ${l.hostname} (${l.key})`).join(", ");
      throw new RepositoryError("locked", `The repository is locked: ${who}.`, { objects: blocking.map((l) => l.key) });
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(200 * 2 ** Math.min(attempt, 5), 5000)));
  }
}

function startHandle(ctx: RepositoryContext, info: LockInfo): LockHandle {
  let released = false;
  const handle: LockHandle = {
    info,
    async refresh() {
      if (released) return;
      if (!(await ctx.driver.stat(info.key))) {
        throw new RepositoryError("locked", `Our lock ${info.key} was removed by someone else; stop writing.`, { objects: [info.key] });
      }
      info.refreshedAt = ctx.runtime.now();
      await ctx.driver.write(info.key, encodeLock(info));
      ctx.emit({ type: "lock_refreshed", key: info.key });
    },
    async release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      await ctx.driver.delete(info.key);
    },
  };
  const timer = setInterval(() => {
    handle.refresh().catch((error: unknown) => ctx.emit({ type: "lock_refresh_failed", key: info.key, error }));
  }, ctx.runtime.lockRefreshMs);
  timer.unref();
  return handle;
}
