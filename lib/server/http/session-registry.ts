import { randomBytes } from "node:crypto";
import type { ActivityHeader, ActivityRecord } from "../../core/activity/activity";
import { HttpError } from "./http-error";

export const sessionKinds = ["backup", "restore", "check", "prune", "repair", "browse"] as const;
export type SessionKind = (typeof sessionKinds)[number];

export interface Session {
  id: string;
  accountId: number;
  kind: SessionKind;
  /** The client's activity, when the session is one: journaled at open, finished with its record. */
  header: ActivityHeader | null;
  lastSeen: number;
  /** Requests running now: a session uploading a large pack on a slow link is not idle. */
  inflight: number;
}

/** What a session's activity goes to: the activity outbox's sink in the daemon. */
export interface SessionActivityPort {
  started(session: Session): Promise<void>;
  /** `record` null: the session ended without its record (expired, drained): report interrupted. */
  finished(session: Session, record: ActivityRecord | null): Promise<void>;
}

/**
 * Which kinds may not run side by side on one account. Repository locks already keep data safe;
 * this answers early and clearly (409) for the cases a user does by mistake: a second backup
 * of the same account while one runs (two schedulers), or anything during prune/repair, which
 * take the exclusive lock and would make the other session wait or fail half-way.
 */
function conflicts(a: SessionKind, b: SessionKind): boolean {
  const exclusive = (k: SessionKind) => k === "prune" || k === "repair";
  if (exclusive(a) || exclusive(b)) return a !== "browse" && b !== "browse";
  return a === "backup" && b === "backup";
}

export interface SessionRegistryOptions {
  maxSessions: number;
  /** A session not heard from for this long is ended as interrupted (client died, network cut). */
  idleTimeoutMs: number;
  /** Seconds a refused client is told to wait (it adds jitter). */
  retryAfterSeconds: number;
  activities: SessionActivityPort;
  now?: () => number;
}

export interface SessionRegistry {
  open(accountId: number, kind: SessionKind, header: ActivityHeader | null): Promise<Session>;
  /**
   * Throws the 503 (draining, busy) a session open would get now. Checked before the opening
   * request is authenticated: a refused client retries many times, and each refusal must cost
   * next to nothing (no argon2, no MySQL). `open` checks again.
   */
  assertAdmissible(): void;
  /** The live session of this account with this id; any other case is the same 404. */
  touch(accountId: number, id: string | undefined): Session;
  /** Runs one request of the session, which cannot expire while it runs. */
  within<T>(accountId: number, id: string | undefined, body: () => Promise<T>): Promise<T>;
  finish(session: Session, record: ActivityRecord | null): Promise<void>;
  /** Ends sessions idle longer than the timeout. */
  expireIdle(): Promise<number>;
  /** Stop admitting: new sessions get 503 "draining". */
  drain(): void;
  readonly active: number;
  readonly total: number;
  readonly draining: boolean;
  list(): Session[];
}

export function createSessionRegistry(options: SessionRegistryOptions): SessionRegistry {
  const now = options.now ?? Date.now;
  const sessions = new Map<string, Session>();
  let total = 0;
  let draining = false;
  const retry = { "retry-after": String(options.retryAfterSeconds) };

  async function end(session: Session, record: ActivityRecord | null): Promise<void> {
    // Removed first so a second finish (client retry) is answered "unknown session", not stored twice.
    if (!sessions.delete(session.id)) throw new HttpError("unknown_session", "unknown or finished session");
    await options.activities.finished(session, record);
  }

  function touch(accountId: number, id: string | undefined): Session {
    const session = id === undefined ? undefined : sessions.get(id);
    if (!session || session.accountId !== accountId) throw new HttpError("unknown_session", "unknown or finished session: open one with POST /v1/sessions");
    session.lastSeen = now();
    return session;
  }

  function assertAdmissible(): void {
    if (draining) throw new HttpError("draining", "this server is shutting down; try again shortly", retry);
    if (sessions.size >= options.maxSessions) throw new HttpError("busy", "the server is at its session limit; retry later", retry);
  }

  return {
    assertAdmissible,
    async open(accountId, kind, header) {
      // Busy before conflict, as the HTTP layer answers (it asks before authenticating).
      assertAdmissible();
      for (const other of sessions.values()) {
        if (other.accountId === accountId && conflicts(other.kind, kind)) {
          throw new HttpError("session_conflict", `a ${other.kind} session of this account is already running; wait until it finishes`);
        }
      }
      const session: Session = { id: randomBytes(16).toString("hex"), accountId, kind, header, lastSeen: now(), inflight: 0 };
      // Counted before the await so concurrent opens cannot overshoot the limit.
      sessions.set(session.id, session);
      total += 1;
      try {
        await options.activities.started(session);
      } catch (error) {
        sessions.delete(session.id);
        throw error;
      }
      return session;
    },
    touch,
    async within(accountId, id, body) {
      const session = touch(accountId, id);
      session.inflight += 1;
      try {
        return await body();
      } finally {
        session.inflight -= 1;
        session.lastSeen = now();
      }
    },
    finish: end,
    async expireIdle() {
      const cutoff = now() - options.idleTimeoutMs;
      const idle = [...sessions.values()].filter((s) => s.inflight === 0 && s.lastSeen < cutoff);
      for (const session of idle) await end(session, null).catch(() => {});
      return idle.length;
    },
    drain() {
      draining = true;
    },
    get active() {
      return sessions.size;
    },
    get total() {
      return total;
    },
    get draining() {
      return draining;
    },
    list: () => [...sessions.values()],
  };
}
