import { createHash } from "node:crypto";
import type { ActivityHeader } from "../activity/activity";
import type { StorageDriver } from "../storage/driver";

/** A session the daemon is running, with what it needs to report it if the daemon dies. */
export interface RunningSession {
  header: ActivityHeader;
  accountId: number;
  serverId: number | null;
}

/**
 * The daemon's "what was I doing" list, on its own disk: one file per running session, written
 * when the session starts and removed once its activity is safely in the outbox. Whatever is
 * left at the next start was cut short by a crash (kill -9, power loss, OOM) and is reported as
 * interrupted (recoverInterruptedSessions).
 */
export interface SessionJournal {
  /** Resolves once the session is durable, so a crash right after cannot lose it. */
  begin(session: RunningSession): Promise<void>;
  /** Removing an absent session is not an error (end after a recovery already cleared it). */
  end(id: string): Promise<void>;
  /** Leftover sessions, oldest first. Files that do not parse are passed to onUnreadable. */
  list(onUnreadable?: (key: string, error: unknown) => void): Promise<RunningSession[]>;
}

const PREFIX = "running/";

/** Activity ids are hex; anything else (or anything long) is hashed into a safe file name. */
function keyFor(id: string): string {
  const safe = /^[A-Za-z0-9_-]{1,100}$/.test(id) ? id : createHash("sha256").update(id).digest("hex");
  return `${PREFIX}${safe}.json`;
}

export function createSessionJournal(driver: StorageDriver): SessionJournal {
  return {
    async begin(session) {
      await driver.write(keyFor(session.header.id), Buffer.from(JSON.stringify(session)));
    },
    async end(id) {
      await driver.delete(keyFor(id));
    },
    async list(onUnreadable) {
      const sessions: RunningSession[] = [];
      for await (const key of driver.list(PREFIX)) {
        if (!key.endsWith(".json")) continue;
        try {
          const session = JSON.parse((await driver.read(key)).toString("utf8")) as RunningSession;
          if (typeof session.header?.id !== "string") throw new Error("no session id");
          sessions.push(session);
        } catch (error) {
          onUnreadable?.(key, error);
        }
      }
      return sessions.sort((a, b) => a.header.startedAt.localeCompare(b.header.startedAt));
    },
  };
}
