import { parseArgs } from "node:util";

export interface LoadOptions {
  clients: number;
  durationSeconds: number;
  workers: number;
  maxSessions: number;
  /** Files in each client's tree. */
  files: number;
  /** Repositories checked with --read-data afterwards (0: all). */
  verify: number;
  seed: string;
  keep: boolean;
  /** Niceness of the client worker processes (0: same priority as the daemon). */
  clientNice: number;
}

const USAGE = `usage: npm run bench:load -- [--clients 500] [--duration 60] [--workers 4] [--max-sessions 100]
       [--files 20] [--verify 0 (all) | N] [--seed 1] [--client-nice 10] [--keep]`;

function positiveInt(value: string, flag: string, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag}: expected an integer >= ${min}, got "${value}"\n${USAGE}`);
  return n;
}

export function parseLoadOptions(argv: string[]): LoadOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      clients: { type: "string", default: "500" },
      duration: { type: "string", default: "60" },
      workers: { type: "string", default: "4" },
      "max-sessions": { type: "string", default: "100" },
      files: { type: "string", default: "20" },
      verify: { type: "string", default: "0" },
      seed: { type: "string", default: "1" },
      keep: { type: "boolean", default: false },
      "client-nice": { type: "string", default: "10" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    clients: positiveInt(values.clients, "--clients"),
    durationSeconds: positiveInt(values.duration, "--duration"),
    workers: positiveInt(values.workers, "--workers"),
    maxSessions: positiveInt(values["max-sessions"], "--max-sessions"),
    files: positiveInt(values.files, "--files"),
    verify: positiveInt(values.verify, "--verify", 0),
    seed: values.seed,
    keep: values.keep,
    clientNice: positiveInt(values["client-nice"], "--client-nice", 0),
  };
}
