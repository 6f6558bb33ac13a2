import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { serverAnswers } from "../admin";
import { findExecutable } from "./find-executable";
import { findFreePort, isPortFree } from "./free-port";
import { waitUntil } from "./wait-until";

// A MariaDB (or MySQL) server owned by this checkout: its datadir, socket, pid file, error log and
// recorded port all live in one directory, and it runs detached so it outlives the script that
// started it. Root login over TCP has no password: the server only listens on 127.0.0.1.

export interface MariadbBinaries {
  server: string;
  /** mariadb-install-db / mysql_install_db; absent on MySQL 8, which initialises with the server. */
  installDb?: string;
}

export function findMariadbBinaries(): MariadbBinaries | undefined {
  const server = findExecutable(["mariadbd", "mysqld"]);
  if (!server) return undefined;
  return { server, installDb: findExecutable(["mariadb-install-db", "mysql_install_db"]) };
}

export function privateMariadbPaths(dir: string) {
  const root = path.resolve(dir);
  return {
    root,
    dataDir: path.join(root, "data"),
    socket: path.join(root, "mysqld.sock"),
    pidFile: path.join(root, "mysqld.pid"),
    errorLog: path.join(root, "error.log"),
    portFile: path.join(root, "port"),
  };
}

export function privateServerUrl(port: number): string {
  return `mysql://root@127.0.0.1:${port}/`;
}

export async function recordedPort(dir: string): Promise<number | undefined> {
  const text = await readFile(privateMariadbPaths(dir).portFile, "utf8").catch(() => "");
  const port = Number.parseInt(text.trim(), 10);
  return port > 0 && port < 65536 ? port : undefined;
}

/** The pid from the pid file when that process is alive and is this instance's server. */
export async function runningPid(dir: string): Promise<number | undefined> {
  const paths = privateMariadbPaths(dir);
  const pid = Number.parseInt((await readFile(paths.pidFile, "utf8").catch(() => "")).trim(), 10);
  if (!(pid > 0)) return undefined;
  if (!processAlive(pid)) return undefined;
  // A pid file left by a killed server may name a recycled pid: check it is our datadir's server.
  if (hasProc) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(paths.dataDir)) return undefined;
    } catch {
      return undefined;
    }
  }
  return pid;
}

const hasProc = existsSync("/proc/self/stat");

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (!hasProc) return true;
  // A zombie still answers kill(0) but is gone for our purposes.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

export async function errorLogTail(dir: string, lines = 20): Promise<string> {
  const text = await readFile(privateMariadbPaths(dir).errorLog, "utf8").catch(() => "");
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

const asRoot = process.getuid?.() === 0;

async function initialise(dir: string, binaries: MariadbBinaries): Promise<void> {
  const paths = privateMariadbPaths(dir);
  // Install into a side directory and rename, so an interrupted install is never mistaken for a datadir.
  const partial = `${paths.dataDir}.partial`;
  await rm(partial, { recursive: true, force: true });
  const user = asRoot ? ["--user=root"] : [];
  const [command, args] = binaries.installDb
    ? [binaries.installDb, ["--no-defaults", `--datadir=${partial}`, ...user, "--auth-root-authentication-method=normal", "--skip-test-db"]]
    : [binaries.server, ["--no-defaults", "--initialize-insecure", `--datadir=${partial}`, ...user]];
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 120_000 });
  await writeFile(path.join(paths.root, "install.log"), `${result.stdout ?? ""}${result.stderr ?? ""}`);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trimEnd().split("\n").slice(-20).join("\n");
    throw new Error(`${path.basename(command)} failed (exit ${result.status ?? result.signal}):\n${output}`);
  }
  await rename(partial, paths.dataDir);
}

function launch(dir: string, binaries: MariadbBinaries, port: number): { exited: () => string | undefined } {
  const paths = privateMariadbPaths(dir);
  const args = [
    "--no-defaults",
    `--datadir=${paths.dataDir}`,
    `--socket=${paths.socket}`,
    `--port=${port}`,
    "--bind-address=127.0.0.1",
    ...(asRoot ? ["--user=root"] : []),
    `--pid-file=${paths.pidFile}`,
    `--log-error=${paths.errorLog}`,
    "--skip-log-bin",
    "--character-set-server=utf8mb4",
    "--collation-server=utf8mb4_unicode_ci",
  ];
  // Output before --log-error takes effect (bad flags, missing libraries) lands in the same log.
  const log = openSync(paths.errorLog, "a");
  const child = spawn(binaries.server, args, { detached: true, stdio: ["ignore", log, log] });
  closeSync(log);
  let exit: string | undefined;
  child.once("exit", (code, signal) => {
    exit = `the server exited (${signal ?? `code ${code}`})`;
  });
  child.once("error", (error) => {
    exit = `the server could not start: ${error.message}`;
  });
  child.unref();
  return { exited: () => exit };
}

export type PrivateMariadbState = "running" | "restarted" | "started";

export interface StartOptions {
  binaries?: MariadbBinaries;
  timeoutMs?: number;
}

/**
 * Makes the instance in `dir` answer: reuses it when running, restarts it on its recorded port when
 * stopped, or initialises and starts a new one on a port the OS hands out.
 */
export async function startPrivateMariadb(dir: string, options: StartOptions = {}): Promise<{ port: number; serverUrl: string; state: PrivateMariadbState }> {
  const paths = privateMariadbPaths(dir);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const recorded = await recordedPort(dir);

  const pid = recorded ? await runningPid(dir) : undefined;
  if (recorded && pid) {
    // It may still be starting (another run launched it a moment ago).
    const url = privateServerUrl(recorded);
    const giveUp = () => (processAlive(pid) ? undefined : "the server exited");
    await waitUntil(`MariaDB in ${paths.root}`, () => serverAnswers(url), { timeoutMs, giveUp });
    return { port: recorded, serverUrl: url, state: "running" };
  }

  const binaries = options.binaries ?? findMariadbBinaries();
  if (!binaries) throw new Error("no mariadbd or mysqld binary found");
  await mkdir(paths.root, { recursive: true });
  if (!existsSync(path.join(paths.dataDir, "mysql"))) await initialise(dir, binaries);

  // Keep the recorded port so URLs already written elsewhere stay valid, unless someone took it.
  const port = recorded && (await isPortFree(recorded)) ? recorded : await findFreePort();
  await writeFile(paths.portFile, `${port}\n`);
  const { exited } = launch(dir, binaries, port);
  const url = privateServerUrl(port);
  try {
    await waitUntil(`MariaDB in ${paths.root}`, () => serverAnswers(url), { timeoutMs, giveUp: exited });
  } catch (error) {
    const tail = await errorLogTail(dir);
    throw new Error(`${(error as Error).message}\n--- ${paths.errorLog} (last lines) ---\n${tail}`);
  }
  return { port, serverUrl: url, state: recorded === port ? "restarted" : "started" };
}

/** Stops the instance by the pid in its pid file; true when one was running. */
export async function stopPrivateMariadb(dir: string, timeoutMs = 30_000): Promise<boolean> {
  const pid = await runningPid(dir);
  if (!pid) return false;
  process.kill(pid, "SIGTERM");
  try {
    await waitUntil(`stopping MariaDB pid ${pid}`, async () => !processAlive(pid), { timeoutMs });
  } catch {
    process.kill(pid, "SIGKILL");
    await waitUntil(`killing MariaDB pid ${pid}`, async () => !processAlive(pid), { timeoutMs: 5_000 });
  }
  return true;
}
