import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { waitForHealthz } from "../../bin/demo/backup-servers";
import { findFreePort } from "../../db/bootstrap/free-port";
import { ensureSelfSignedCertificate } from "../../lib/server/daemon/self-signed-certificate";

// bin/strongroom-server as the benches run it: a real child process on loopback with a
// self-signed certificate (as the demo makes), one storage device in the bench's temp dir, its own
// state dir, and DATABASE_URL only when the bench gives one. Its log goes to a file.

const serverBin = resolve(import.meta.dirname, "../../bin/strongroom-server");

export interface BenchDaemonOptions {
  dir: string;
  deviceRoot: string;
  /** The device's name in MySQL (registration matches devices by name). */
  deviceName?: string;
  /** Without a database the device is served under this id (no marker, no MySQL). */
  deviceId?: number;
  databaseUrl?: string;
  /** Extra config (maxSessions, logLevel, ...). */
  config?: Record<string, unknown>;
  env?: Record<string, string>;
}

export interface BenchDaemon {
  url: string;
  pid: number;
  caFile: string;
  logFile: string;
  /** The daemon's resident-memory high-water mark so far (VmHWM), MiB. */
  peakRssMiB(): number | null;
  stop(): Promise<void>;
}

export function readPeakRssMiB(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function readCpuSeconds(pid: number): number | null {
  try {
    // Fields after the command name (which may contain spaces) start at field 3.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ").at(-1)?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

export async function startBenchDaemon(options: BenchDaemonOptions): Promise<BenchDaemon> {
  mkdirSync(options.dir, { recursive: true });
  mkdirSync(options.deviceRoot, { recursive: true });
  const tls = await ensureSelfSignedCertificate(join(options.dir, "tls"));
  const port = await findFreePort();
  const configFile = join(options.dir, "server.json");
  const config = {
    name: "bench",
    url: `https://127.0.0.1:${port}`,
    listen: { host: "127.0.0.1", port },
    tls,
    devices: [{ name: options.deviceName ?? "bench-device", path: options.deviceRoot, ...(options.deviceId ? { id: options.deviceId } : {}) }],
    stateDir: join(options.dir, "state"),
    drainSeconds: 5,
    logLevel: "warn",
    ...options.config,
  };
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  const logFile = join(options.dir, "daemon.log");
  const log = openSync(logFile, "w");
  // The bench's own environment must not configure the daemon behind the config file's back.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("STRONGROOM_") && k !== "DATABASE_URL")) as NodeJS.ProcessEnv;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  Object.assign(env, options.env);
  let child: ChildProcess;
  try {
    child = spawn(serverBin, ["--config", configFile], { env, stdio: ["ignore", log, log] });
  } finally {
    closeSync(log);
  }
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  try {
    await waitForHealthz(port, readFileSync(tls.cert), child, 60_000);
  } catch (error) {
    kill();
    throw new Error(`${error instanceof Error ? error.message : String(error)}; log: ${logFile}`);
  }
  const pid = child.pid ?? 0;
  return {
    url: `https://127.0.0.1:${port}`,
    pid,
    caFile: tls.cert,
    logFile,
    peakRssMiB: () => readPeakRssMiB(pid),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(kill, 15_000);
      await exited;
      clearTimeout(timer);
      process.removeListener("exit", kill);
    },
  };
}
