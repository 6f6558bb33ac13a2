import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { ensureSelfSignedCertificate } from "../../daemon/self-signed-certificate";

const serverBin = path.resolve(import.meta.dirname, "../../../../bin/strongroom-server");



/** Every daemon child started by this module, so a failing test never leaves one running. */
const live = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

export interface DaemonProcessOptions {
  dir: string;
  name: string;
  databaseUrl: string;
  devices: { name: string; path: string }[];
  /** Listen here (a restart keeps its clients' URL); 0 = any free port. */
  port?: number;
}

export interface DaemonProcess {
  child: ChildProcess;
  port: number;
  url: string;
  caFile: string;
  /** Everything the daemon wrote so far (pino JSON lines on stdout, then stderr). */
  log(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * bin/strongroom-server as a real child process: a config file in `dir`, its own state dir (the
 * outbox and session journal survive restarts), DATABASE_URL from the environment as operators set
 * it. Resolves once the daemon logs "listening" with its port.
 */
export async function startDaemonProcess(options: DaemonProcessOptions, timeoutMs = 30_000): Promise<DaemonProcess> {
  const tls = await ensureSelfSignedCertificate(path.join(options.dir, "tls"));
  const configFile = path.join(options.dir, "server.json");
  const config = {
    name: options.name,
    listen: { host: "127.0.0.1", port: options.port ?? 0 },
    url: "https://127.0.0.1:1",
    tls,
    devices: options.devices,
    stateDir: path.join(options.dir, "state"),
    drainSeconds: 2,
    logLevel: "info",
  };
  await fs.writeFile(configFile, JSON.stringify(config, null, 2));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("STRONGROOM_"))) as NodeJS.ProcessEnv;
  env.DATABASE_URL = options.databaseUrl;
  env.DATABASE_POOL_SIZE = "4";
  const child = spawn(process.execPath, [serverBin, "--config", configFile], { env, stdio: ["ignore", "pipe", "pipe"] });
  live.add(child);
  let out = "";
  let err = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
  });
  const log = () => (err === "" ? out : `${out}\n--- stderr ---\n${err}`);
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`daemon did not start within ${timeoutMs} ms:\n${log()}`)), timeoutMs);
      const look = () => {
        const m = /"port":(\d+)[^\n]*"msg":"listening"/.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      child.stdout?.on("data", look);
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`daemon exited (${code ?? signal}) before listening:\n${log()}`));
      });
    });
    return { child, port, url: `https://127.0.0.1:${port}`, caFile: tls.cert, log, exited };
  } catch (error) {
    await killDaemon({ child, exited });
    throw error;
  }
}

/** kill -9, and wait until the process is gone. */
export async function killDaemon(daemon: Pick<DaemonProcess, "child" | "exited">): Promise<void> {
  if (daemon.child.exitCode === null && daemon.child.signalCode === null) daemon.child.kill("SIGKILL");
  await daemon.exited;
}

/** SIGTERM (graceful drain), falling back to SIGKILL after `timeoutMs`. */
export async function stopDaemon(daemon: Pick<DaemonProcess, "child" | "exited">, timeoutMs = 15_000): Promise<void> {
  if (daemon.child.exitCode !== null || daemon.child.signalCode !== null) return;
  daemon.child.kill("SIGTERM");
  const timer = setTimeout(() => daemon.child.kill("SIGKILL"), timeoutMs);
  await daemon.exited;
  clearTimeout(timer);
}
