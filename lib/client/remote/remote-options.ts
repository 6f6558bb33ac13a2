export interface RemoteDriverOptions {
  /** Base URL of the backup server, e.g. https://backup.example.com:8443 */
  url: string;
  account: string;
  password: string;
  /** PEM of a CA (or the self-signed certificate) to trust in addition to none: pins the server. */
  ca?: string | Buffer;
  /** Bounds of the automatic retry on 503 and dropped connections. */
  retry?: { attempts?: number; maxDelayMs?: number };
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
