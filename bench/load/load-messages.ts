// What the coordinator (run.ts) and its client worker processes (client-worker.ts) tell each other.

export interface LoadClient {
  login: string;
  /** The client's own directory: its source tree lives below. */
  dir: string;
}

export interface WorkerSetup {
  type: "setup";
  url: string;
  caFile: string;
  accountPassword: string;
  passphrase: string;
  files: number;
  seed: string;
  clients: LoadClient[];
}

export interface WorkerGo {
  type: "go";
  /** Wall-clock ms after which no new session starts. */
  deadline: number;
}

export interface ClientTally {
  login: string;
  /** Backups that ended with a committed snapshot. */
  completed: number;
  /** Still refused at the session limit after the client's own retries (it would try later). */
  refused: number;
  failed: number;
}

export interface WorkerResult {
  type: "result";
  clients: ClientTally[];
  /** Time to response headers of every answered request but 503s, ms. */
  latencies: number[];
  answered503: number;
  connectionErrors: number;
  /** CPU seconds the worker process used from "go" to its result (its threads included). */
  cpuSeconds: number;
  /** First few failure messages, for the report. */
  errors: string[];
}

export type WorkerMessage = { type: "ready" } | WorkerResult | { type: "fatal"; message: string };
