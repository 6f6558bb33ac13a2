export interface RemoteDriverOptions {
  /** Base URL of the backup server, e.g. https://backup.example.com:8443 */
  url: string;
  account: string;
  password: string;
  /** PEM of a CA (or the self-signed certificate) to trust in addition to none: pins the server. */
  ca?: string | Buffer;
  /**
   * Bounds of the automatic retries: `attempts` for dropped connections (default 10);
   * `busyWaitMs` for the total time spent waiting out 503 answers (default 15 minutes: a
   * scheduled backup that waits for a slot beats one that fails); `maxDelayMs` caps one wait.
   */
  retry?: { attempts?: number; busyWaitMs?: number; maxDelayMs?: number };
  /** Test seam for the backoff's sleep. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Told after every HTTP attempt (retries included): its status (0 when no answer came) and the
   * time until the response headers. For load measurements (bench/load); never sees headers.
   */
  onResponse?: (event: { method: string; status: number; ms: number }) => void;
}

/** A session's purpose, sent on open so the server can refuse conflicting sessions (409). */
export type RemoteSessionKind = "backup" | "restore" | "check" | "prune" | "repair" | "browse";
