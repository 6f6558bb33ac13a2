import { readFileSync } from "node:fs";
import type { ClientTally, WorkerGo, WorkerMessage, WorkerSetup } from "./load-messages";
import { backupOnce, prepareClient, type ClientContext } from "./simulated-client";

// A client worker process: many simulated clients at once in one event loop (500 processes would
// not fit on 2 cores), each looping backup sessions against the daemon until the deadline.
// Started by run.ts with an IPC channel; setup -> "ready", go -> "result".

const MAX_ERRORS_KEPT = 10;

function send(message: WorkerMessage): void {
  process.send?.(message);
}

async function forEachLimited<T>(items: T[], limit: number, body: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await body(items[next++]!);
  }));
}

let setup: WorkerSetup | null = null;
const latencies: number[] = [];
let answered503 = 0;
let connectionErrors = 0;
const errors: string[] = [];

function context(s: WorkerSetup): ClientContext {
  return {
    url: s.url,
    ca: readFileSync(s.caFile),
    accountPassword: s.accountPassword,
    passphrase: s.passphrase,
    files: s.files,
    onResponse: ({ status, ms }) => {
      if (status === 503) answered503 += 1;
      else if (status === 0) connectionErrors += 1;
      else latencies.push(ms);
    },
  };
}

async function run(s: WorkerSetup, go: WorkerGo): Promise<void> {
  const cpuAtGo = process.cpuUsage();
  const ctx = context(s);
  const tallies: ClientTally[] = s.clients.map((c) => ({ login: c.login, completed: 0, refused: 0, failed: 0 }));
  await Promise.all(
    s.clients.map(async (client, i) => {
      const tally = tallies[i]!;
      // Spread the first sessions over the first seconds, as real schedules are not in lock-step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2_000));
      for (let runNo = 1; Date.now() < go.deadline; runNo++) {
        try {
          if (await backupOnce(ctx, client.login, client.dir, runNo, go.deadline)) tally.completed += 1;
          else tally.failed += 1;
        } catch (error) {
          // Cut off by the deadline while waiting for a session: not a failure of the server.
          if (Date.now() >= go.deadline) break;
          const message = error instanceof Error ? error.message : String(error);
          if (/session limit/.test(message)) {
            tally.refused += 1;
            continue;
          }
          tally.failed += 1;
          if (errors.length < MAX_ERRORS_KEPT) errors.push(`${client.login}: ${message}`);
        }
      }
    }),
  );
  const cpu = process.cpuUsage(cpuAtGo);
  send({ type: "result", clients: tallies, latencies, answered503, connectionErrors, cpuSeconds: (cpu.user + cpu.system) / 1e6, errors });
}

process.on("message", (message: WorkerSetup | WorkerGo) => {
  if (message.type === "setup") {
    setup = message;
    const ctx = context(message);
    void forEachLimited(message.clients, 8, (c) => prepareClient(ctx, c.login, c.dir))
      .then(() => {
        latencies.length = 0;
        answered503 = 0;
        send({ type: "ready" });
      })
      .catch((error: unknown) => send({ type: "fatal", message: `setup: ${error instanceof Error ? error.message : String(error)}` }));
  } else if (message.type === "go" && setup) {
    void run(setup, message).catch((error: unknown) => send({ type: "fatal", message: String(error) })).finally(() => process.disconnect());
  }
});
