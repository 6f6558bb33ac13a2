import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, setPriority } from "node:os";
import { join, resolve } from "node:path";
import { createDatabase } from "../../db/client";
import { activities } from "../../db/schema";
import { env } from "../../lib/env";
import { createAccount } from "../../lib/server/accounts";
import { readCpuSeconds, readPeakRssMiB, startBenchDaemon } from "../server/bench-daemon";
import { readDaemonCounters } from "./daemon-metrics";
import type { ClientTally, LoadClient, WorkerMessage, WorkerResult } from "./load-messages";
import { parseLoadOptions } from "./parse-options";
import { latencySummary } from "./percentiles";
import { createScratchWorld } from "./scratch-database";
import { verifyRepositories } from "./verify-repositories";
import { watchMysql } from "./watch-mysql";
import { runBenchMain } from "../run-main";

// npm run bench:load -- [--clients 500] [--duration 60] (see bench/README.md)
// Many simulated clients (a few worker processes, each running many at once through the real
// client library) back up small changing trees through one daemon process with a session limit,
// on a scratch database. Progress to stderr; the report and one JSON line to stdout.

const log = (line: string) => process.stderr.write(`${line}\n`);
const ACCOUNT_PASSWORD = "bench-load-account-password";
const PASSPHRASE = "bench-load-passphrase";
const RSS_TARGET_MIB = 1024;

function waitFor<T extends WorkerMessage["type"]>(child: ChildProcess, type: T): Promise<Extract<WorkerMessage, { type: T }>> {
  return new Promise((done, fail) => {
    const onMessage = (message: WorkerMessage) => {
      if (message.type === "fatal") fail(new Error(`client worker: ${message.message}`));
      else if (message.type === type) {
        child.off("message", onMessage);
        done(message as Extract<WorkerMessage, { type: T }>);
      }
    };
    child.on("message", onMessage);
    child.once("exit", (code) => fail(new Error(`client worker exited (${code}) before "${type}"`)));
  });
}

async function main(): Promise<number> {
  const loadAtStart = loadavg()[0] ?? 0;
  const options = parseLoadOptions(process.argv.slice(2));
  const workDir = resolve(".data/bench/load-work");
  rmSync(workDir, { recursive: true, force: true });
  const deviceRoot = join(workDir, "device");
  mkdirSync(deviceRoot, { recursive: true });
  const world = await createScratchWorld(deviceRoot);
  const workers: ChildProcess[] = [];
  let daemon: Awaited<ReturnType<typeof startBenchDaemon>> | null = null;
  try {
    log(`scratch database ${world.name}; creating ${options.clients} accounts`);
    const clients: LoadClient[] = Array.from({ length: options.clients }, (_, i) => ({ login: `load-${options.seed}-${i}`, dir: join(workDir, "clients", String(i)) }));
    const devices = [{ id: world.deviceId, root: deviceRoot }];
    for (let i = 0; i < clients.length; i += 4) {
      await Promise.all(
        clients.slice(i, i + 4).map((c) =>
          createAccount(world.handle.db, { loginName: c.login, password: ACCOUNT_PASSWORD, resellerId: world.resellerId, customerUserId: world.customerUserId, deviceId: world.deviceId, quotaBytes: 2 ** 40 }, devices),
        ),
      );
    }
    // Closed before the run: its idle connections would count as the daemon's.
    await world.handle.pool.end();
    daemon = await startBenchDaemon({ dir: join(workDir, "daemon"), deviceRoot, deviceName: world.deviceName, databaseUrl: world.url, config: { maxSessions: options.maxSessions } });
    const ca = readFileSync(daemon.caFile);
    log(`daemon ${daemon.url} (pid ${daemon.pid}, log ${daemon.logFile}), session limit ${options.maxSessions}; ${options.workers} client workers`);

    const shares = Array.from({ length: options.workers }, (_, w) => clients.filter((_, i) => i % options.workers === w));
    for (const share of shares) {
      const child = fork(resolve(import.meta.dirname, "client-worker.ts"), [], { execArgv: ["--import", "tsx"], env: { ...process.env, MALLOC_ARENA_MAX: "2" } });
      // The daemon stands for a server of its own: the simulated clients (most of the CPU here)
      // yield to it instead of queueing its event loop behind them (see bench/README.md).
      if (options.clientNice > 0 && child.pid) setPriority(child.pid, options.clientNice);
      workers.push(child);
      child.send({ type: "setup", url: daemon.url, caFile: daemon.caFile, accountPassword: ACCOUNT_PASSWORD, passphrase: PASSPHRASE, files: options.files, seed: options.seed, clients: share });
    }
    await Promise.all(workers.map((w) => waitFor(w, "ready")));
    log(`${options.clients} repositories initialised; running for ${options.durationSeconds} s`);

    const before = await readDaemonCounters(daemon.url, ca);
    const mysqlWatch = await watchMysql(world.url, world.name);
    // CPU used during the timed run: the daemon's, and the simulated clients' on the same 2 cores
    // (each worker measures its own: it may have exited before this process looks).
    const daemonCpuBefore = readCpuSeconds(daemon.pid) ?? 0;
    const started = Date.now();
    const deadline = started + options.durationSeconds * 1000;
    const results = workers.map((w) => waitFor(w, "result"));
    for (const w of workers) w.send({ type: "go", deadline });
    const finished: WorkerResult[] = await Promise.all(results);
    const elapsedSeconds = (Date.now() - started) / 1000;
    const daemonCpu = (readCpuSeconds(daemon.pid) ?? 0) - daemonCpuBefore;
    const clientsCpu = finished.reduce((sum, r) => sum + r.cpuSeconds, 0);
    const after = await readDaemonCounters(daemon.url, ca);
    const mysqlPeaks = await mysqlWatch.stop();
    const daemonPeak = readPeakRssMiB(daemon.pid);
    await daemon.stop();
    daemon = null;

    const tallies: ClientTally[] = finished.flatMap((r) => r.clients);
    const completed = tallies.reduce((n, t) => n + t.completed, 0);
    const perSession = (cpuSeconds: number) => (completed === 0 ? null : Math.round((cpuSeconds * 1000) / completed));
    const failed = tallies.reduce((n, t) => n + t.failed, 0);
    const refused = tallies.reduce((n, t) => n + t.refused, 0);
    const latency = latencySummary(finished.flatMap((r) => r.latencies));
    const clientSeen503 = finished.reduce((n, r) => n + r.answered503, 0);
    log(`verifying ${options.verify === 0 ? "every" : options.verify} repository with check --read-data`);
    const verification = await verifyRepositories(deviceRoot, PASSPHRASE, tallies, options.verify);
    // The scratch database holds only this run's accounts.
    const reader = createDatabase(world.url, 1);
    const stored = await reader.db.select({ status: activities.status }).from(activities).finally(() => reader.pool.end());

    console.log(`\nStrongroom load benchmark: ${options.clients} clients in ${options.workers} worker processes, ${elapsedSeconds.toFixed(1)} s, session limit ${options.maxSessions}`);
    console.log(`load average (1 min) at start ${loadAtStart.toFixed(2)}, at end ${(loadavg()[0] ?? 0).toFixed(2)}`);
    console.log(`sessions completed (snapshot committed): ${completed} (${(completed / elapsedSeconds).toFixed(1)}/s); refused at the session limit after the client's retries: ${refused}; failed: ${failed}`);
    console.log(`503 answered: ${after.answered503 - before.answered503} (clients saw ${clientSeen503}); sessions admitted: ${after.sessionsTotal - before.sessionsTotal}`);
    console.log(`request latency (to response headers, 503s excluded): p50 ${latency.p50} ms, p95 ${latency.p95} ms, p99 ${latency.p99} ms`);
    console.log(`daemon peak RSS: ${daemonPeak?.toFixed(0) ?? "?"} MiB (target < ${RSS_TARGET_MIB}); CPU during the run: daemon ${daemonCpu.toFixed(1)} s, simulated clients ${clientsCpu.toFixed(1)} s (nice ${options.clientNice}); per completed session: daemon ${perSession(daemonCpu)} ms, clients ${perSession(clientsCpu)} ms`);
    console.log(`MySQL connections of the bench database: peak ${mysqlPeaks.peakDatabaseConnections} (pool limit ${env.DATABASE_POOL_SIZE}); server Threads_connected peak ${mysqlPeaks.peakThreadsConnected}`);
    console.log(`integrity: ${verification.checked} repositories checked with --read-data, ${verification.integrityErrors} errors; activities in MySQL: ${stored.length}`);
    for (const problem of verification.problems.slice(0, 10)) console.log(`INTEGRITY ${problem}`);
    for (const error of finished.flatMap((r) => r.errors).slice(0, 10)) console.log(`FAILED ${error}`);
    console.log(
      JSON.stringify({
        clients: options.clients,
        duration_s: Number(elapsedSeconds.toFixed(1)),
        max_sessions: options.maxSessions,
        sessions_completed: completed,
        sessions_per_s: Number((completed / elapsedSeconds).toFixed(2)),
        sessions_refused: refused,
        sessions_failed: failed,
        answered_503: after.answered503 - before.answered503,
        integrity_errors: verification.integrityErrors,
        repositories_checked: verification.checked,
        request_p50_ms: latency.p50,
        request_p95_ms: latency.p95,
        request_p99_ms: latency.p99,
        requests: after.requests - before.requests,
        daemon_peak_rss_mib: daemonPeak === null ? null : Number(daemonPeak.toFixed(1)),
        rss_target_met: daemonPeak !== null && daemonPeak < RSS_TARGET_MIB,
        daemon_cpu_s: Number(daemonCpu.toFixed(1)),
        clients_cpu_s: Number(clientsCpu.toFixed(1)),
        daemon_cpu_ms_per_session: perSession(daemonCpu),
        clients_cpu_ms_per_session: perSession(clientsCpu),
        client_nice: options.clientNice,
        mysql_connections_peak: mysqlPeaks.peakDatabaseConnections,
        mysql_pool_limit: env.DATABASE_POOL_SIZE,
        mysql_threads_connected_peak: mysqlPeaks.peakThreadsConnected,
        activities_in_mysql: stored.length,
        load_average_at_start: Number(loadAtStart.toFixed(2)),
      }),
    );
    return verification.integrityErrors === 0 ? 0 : 1;
  } finally {
    for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
    await daemon?.stop();
    await world.drop();
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
  }
}

runBenchMain(main);
