import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import https from "node:https";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { and, eq, inArray } from "drizzle-orm";
import { findFreePort } from "../../db/bootstrap/free-port";
import { createDatabase } from "../../db/client";
import { backupAccounts, storageDevices } from "../../db/schema";
import { demoPasswords } from "../../db/seed";
import { repositoryRoot } from "../../lib/server/accounts/account-paths";
import { ensureSelfSignedCertificate } from "../../lib/server/daemon/self-signed-certificate";
import { hasExited, spawnTracked } from "./processes";

// The demo's two backup servers (bin/strongroom-server) on the seeded devices, whose directories
// live under <data dir>/devices, and a few real backups and a restore through them, so the portal
// shows real activities beside the generated history.

const repoRoot = path.resolve(import.meta.dirname, "../..");
const serverBin = path.join(repoRoot, "bin/strongroom-server");
const clientBin = path.join(repoRoot, "bin/strongroom");

/** Which seeded device each demo server mounts (names from db/seed/infrastructure.ts). */
const demoServers = [
  { name: "backup-01", devices: ["ssd-01", "nfs-01"] },
  { name: "backup-02", devices: ["hdd-01", "hdd-02"] },
];

export interface DemoServer {
  name: string;
  url: string;
  devices: string[];
}

export function demoDevicesDir(dataDir: string): string {
  return path.resolve(dataDir, "devices");
}

/** Starts both servers and waits until each answers /healthz (over TLS, with the demo's CA). */
export async function startDemoServers(options: {
  dataDir: string;
  databaseUrl: string;
  addService(name: string, child: ChildProcess): void;
}): Promise<{ servers: DemoServer[]; caFile: string }> {
  const dataDir = path.resolve(options.dataDir);
  const devicesDir = demoDevicesDir(dataDir);
  // One certificate for both servers, made before either starts (they would race to make it).
  const tls = await ensureSelfSignedCertificate(path.join(dataDir, "tls"));
  const ca = await fs.readFile(tls.cert);
  const servers: DemoServer[] = [];
  const started: Promise<void>[] = [];
  for (const spec of demoServers) {
    for (const device of spec.devices) await fs.mkdir(path.join(devicesDir, device), { recursive: true });
    const port = await findFreePort();
    const url = `https://localhost:${port}`;
    const dir = path.join(dataDir, "servers", spec.name);
    await fs.mkdir(dir, { recursive: true });
    const configFile = path.join(dir, "config.json");
    const config = {
      name: spec.name,
      url,
      listen: { host: "127.0.0.1", port },
      tls,
      devices: spec.devices.map((name) => ({ name, path: path.join(devicesDir, name) })),
      stateDir: path.join(dir, "state"),
      drainSeconds: 5,
      logLevel: "warn",
    };
    await fs.writeFile(configFile, `${JSON.stringify(config, null, 2)}\n`);
    const child = spawnTracked(serverBin, ["--config", configFile], { env: { ...process.env, DATABASE_URL: options.databaseUrl } });
    options.addService(spec.name, child);
    servers.push({ name: spec.name, url, devices: spec.devices });
    started.push(waitForHealthz(port, ca, child));
  }
  await Promise.all(started);
  return { servers, caFile: tls.cert };
}

/** Polls /healthz over TLS (trusting `ca`) until it answers 200; fails early if `child` exits. */
export async function waitForHealthz(port: number, ca: Buffer, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`the backup server on port ${port} exited before answering`);
    const status = await new Promise<number>((resolve) => {
      const req = https.get({ host: "127.0.0.1", port, path: "/healthz", ca, servername: "localhost", timeout: 2_000 }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", () => resolve(0));
      req.on("timeout", () => req.destroy());
    });
    if (status === 200) return;
    await sleep(200);
  }
  throw new Error(`no answer from the backup server on port ${port} within ${timeoutMs / 1000} s`);
}

/** Deterministic bytes (xorshift32): the same folder every run, half compressible text, half noise. */
function generatedBytes(seed: number, size: number): Buffer {
  const out = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  const words = ["backup", "restore", "invoice", "report", "customer", "quarter", "ledger", "photo"];
  let i = 0;
  while (i < size) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    if ((x & 0x100) === 0) {
      const word = `${words[x % words.length] ?? "x"} `;
      i += out.write(word, i);
    } else {
      out.writeUInt32LE(x, Math.min(i, size - 4));
      i += 4;
    }
  }
  return out;
}

async function generateFolder(dir: string, seed: number, files: number, bytesPerFile: number): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
  for (let f = 0; f < files; f++) {
    const sub = path.join(dir, `folder-${f % 3}`);
    await fs.mkdir(sub, { recursive: true });
    await fs.writeFile(path.join(sub, `file-${String(f).padStart(2, "0")}.dat`), generatedBytes(seed * 1000 + f, bytesPerFile));
  }
}

function runClient(args: string[], env: Record<string, string | undefined>): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [clientBin, ...args], { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

/**
 * Picks one active seeded account on each of three demo devices, backs up a generated folder
 * (about 3 MiB) twice for each (the second run after a change, so it deduplicates), and restores
 * the first account's latest snapshot. Each run is a real activity, delivered by the daemon's outbox.
 */
export async function runDemoBackups(options: { dataDir: string; databaseUrl: string; servers: DemoServer[]; caFile: string }): Promise<string[]> {
  const dataDir = path.resolve(options.dataDir);
  const { db, pool } = createDatabase(options.databaseUrl, 1);
  let picks: { login: string; url: string }[] = [];
  try {
    const wanted = ["ssd-01", "hdd-01", "nfs-01"];
    for (const deviceName of wanted) {
      const server = options.servers.find((s) => s.devices.includes(deviceName));
      if (!server) continue;
      const [row] = await db
        .select({ login: backupAccounts.loginName })
        .from(backupAccounts)
        .innerJoin(storageDevices, eq(storageDevices.id, backupAccounts.storageDeviceId))
        .where(and(eq(storageDevices.name, deviceName), inArray(backupAccounts.status, ["active"])))
        .orderBy(backupAccounts.loginName)
        .limit(1);
      // The seed writes rows only; the account's repository directory is made as createAccount would.
      if (row) {
        await fs.mkdir(repositoryRoot(path.join(demoDevicesDir(dataDir), deviceName), row.login), { recursive: true });
        picks.push({ login: row.login, url: server.url });
      }
    }
  } finally {
    await pool.end();
  }
  picks = picks.slice(0, 3);
  const log: string[] = [];
  const filesDir = path.join(dataDir, "demo-files");
  const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("STRONGROOM_")));
  await Promise.all(
    picks.map(async ({ login, url }, n) => {
      const env = {
        ...baseEnv,
        STRONGROOM_PASSWORD: `demo repository passphrase ${login}`,
        STRONGROOM_ACCOUNT_PASSWORD: demoPasswords.backup,
        STRONGROOM_SERVER_CA: options.caFile,
      };
      const server = ["--server", url, "--account", login];
      const src = path.join(filesDir, login);
      await generateFolder(src, n + 1, 12, 256 * 1024);
      const snapshots = await runClient(["snapshots", ...server], env);
      if (snapshots.code !== 0) {
        const init = await runClient(["init", ...server], env);
        if (init.code !== 0) throw new Error(`demo: init of ${login} failed: ${init.output.trim()}`);
      }
      const first = await runClient(["backup", "--host", "demo-laptop", ...server, src], env);
      if (first.code !== 0) throw new Error(`demo: backup of ${login} failed: ${first.output.trim()}`);
      await fs.writeFile(path.join(src, "folder-0", "notes.txt"), generatedBytes(n + 99, 64 * 1024));
      const second = await runClient(["backup", "--host", "demo-laptop", ...server, src], env);
      if (second.code !== 0) throw new Error(`demo: second backup of ${login} failed: ${second.output.trim()}`);
      log.push(`${login}: 2 backups to ${url}`);
      if (n === 0) {
        const target = path.join(dataDir, "demo-restore", login);
        await fs.rm(target, { recursive: true, force: true });
        const restore = await runClient(["restore", "latest", "--target", target, ...server], env);
        if (restore.code !== 0) throw new Error(`demo: restore of ${login} failed: ${restore.output.trim()}`);
        log.push(`${login}: restored to ${target}`);
      }
    }),
  );
  return log;
}
