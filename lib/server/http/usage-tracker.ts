import type { AccountDirectory } from "../accounts";
import { measureRepository } from "../accounts/measure-repository";

/**
 * Keeps each account's `used_bytes` true after sessions change its repository: uploads and
 * deletes mark the account, and when one of its sessions finishes the repository is measured
 * (measureRepository) and recorded in MySQL and the device cache (recordUsage). Runs in the
 * background, one measurement at a time per account; a figure MySQL could not take is retried by
 * retryPending() (the daemon calls it with each heartbeat). A session that expires instead of
 * finishing is measured at the account's next finished session.
 */
export interface UsageTracker {
  changed(loginName: string): void;
  settle(loginName: string, repositoryRoot: string): void;
  retryPending(): Promise<void>;
  /** Resolves once no measurement is running (tests, shutdown). */
  idle(): Promise<void>;
}

export function createUsageTracker(accounts: Pick<AccountDirectory, "recordUsage">, onError: (loginName: string, error: unknown) => void): UsageTracker {
  const dirty = new Set<string>();
  /** Accounts whose last figure reached the cache but not MySQL: login -> repository root. */
  const pending = new Map<string, string>();
  const running = new Map<string, Promise<void>>();

  async function measureAndRecord(loginName: string, repositoryRoot: string): Promise<void> {
    dirty.delete(loginName);
    pending.delete(loginName);
    try {
      const { database } = await accounts.recordUsage(loginName, await measureRepository(repositoryRoot));
      if (!database) pending.set(loginName, repositoryRoot);
    } catch (error) {
      pending.set(loginName, repositoryRoot);
      onError(loginName, error);
    }
  }

  function run(loginName: string, repositoryRoot: string): Promise<void> {
    // Chained, so a change during a measurement is measured again after it, never concurrently.
    const next = (running.get(loginName) ?? Promise.resolve()).then(() => measureAndRecord(loginName, repositoryRoot));
    running.set(loginName, next);
    void next.finally(() => {
      if (running.get(loginName) === next) running.delete(loginName);
    });
    return next;
  }

  return {
    changed(loginName) {
      dirty.add(loginName);
    },
    settle(loginName, repositoryRoot) {
      if (dirty.has(loginName)) void run(loginName, repositoryRoot);
    },
    async retryPending() {
      await Promise.all([...pending].map(([loginName, root]) => run(loginName, root)));
    },
    async idle() {
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}
