import "./load-env";
import type { ChildProcess } from "node:child_process";
import { count } from "drizzle-orm";
import { ensureAuthSecret, ensureDatabase } from "../db/bootstrap/ensure-database";
import { NoDatabaseServerError } from "../db/bootstrap/find-database";
import { isPortFree } from "../db/bootstrap/free-port";
import { runMigrations } from "../db/bootstrap/run-migrations";
import { createDatabase } from "../db/client";
import { users } from "../db/schema";
import { demoLogins, seedDemo } from "../db/seed";
import { env } from "../lib/env";
import { buildNeeded, nextCommand } from "./demo/next-build";
import { demoDevicesDir, runDemoBackups, startDemoServers, type DemoServer } from "./demo/backup-servers";
import { children, hasExited, runToEnd, spawnTracked, waitForHttp } from "./demo/processes";

// npm run demo — one command from a fresh checkout to a seeded portal. Each step adds to the shared
// state; later steps (backup server daemons) append to `steps` and register their processes.

type Login = { role: string; login: string; password: string };
interface Demo {
  databaseUrl: string;
  authSecret: string;
  logins: Login[];
  servers: DemoServer[];
  caFile: string;
  /** Registers a long-running process: the first one to exit ends the demo and stops the rest. */
  addService(name: string, child: ChildProcess): void;
}
interface Step {
  title: string;
  run(demo: Demo): Promise<void>;
}

const steps: Step[] = [
  {
    title: "database",
    async run(demo) {
      demo.databaseUrl = await ensureDatabase();
      demo.authSecret = await ensureAuthSecret();
    },
  },
  {
    title: "migrate and seed",
    async run(demo) {
      const { db, pool } = createDatabase(demo.databaseUrl, 2);
      try {
        const { applied, total } = await runMigrations(db);
        console.log(`demo: applied ${applied} migration(s), ${total} in total`);
        const [row] = await db.select({ n: count() }).from(users);
        if ((row?.n ?? 0) > 0) {
          console.log("demo: the database already holds users; not seeding again");
          demo.logins = await Promise.resolve(demoLogins());
        } else {
          // The seeded devices' directories are where the demo's backup servers serve them from.
          demo.logins = (await seedDemo(db, { deviceRoot: demoDevicesDir(env.STRONGROOM_DATA_DIR) })).logins;
          console.log("demo: seeded demo data");
        }
      } finally {
        await pool.end();
      }
    },
  },
  {
    title: "build",
    async run() {
      const reason = buildNeeded();
      if (!reason) return console.log("demo: the portal build is up to date");
      console.log(`demo: building the portal (${reason}); this takes about a minute`);
      await runToEnd(...nextCommand("build"));
    },
  },
  {
    title: "portal",
    async run(demo) {
      const port = env.STRONGROOM_DEMO_PORT;
      // Otherwise whatever already listens there would pass for the portal.
      if (!(await isPortFree(port))) throw new Error(`port ${port} is in use: stop what listens there or set STRONGROOM_DEMO_PORT`);
      const child = spawnTracked(...nextCommand("start", "-p", String(port)), {
        env: { ...process.env, DATABASE_URL: demo.databaseUrl, AUTH_SECRET: demo.authSecret },
      });
      demo.addService("portal", child);
      await waitForHttp(`http://127.0.0.1:${port}/`, child);
    },
  },
  {
    title: "backup servers",
    async run(demo) {
      const started = await startDemoServers({ dataDir: env.STRONGROOM_DATA_DIR, databaseUrl: demo.databaseUrl, addService: (name, child) => demo.addService(name, child) });
      demo.servers = started.servers;
      demo.caFile = started.caFile;
    },
  },
  {
    title: "demo backups",
    async run(demo) {
      const began = Date.now();
      const done = await runDemoBackups({ dataDir: env.STRONGROOM_DATA_DIR, databaseUrl: demo.databaseUrl, servers: demo.servers, caFile: demo.caFile });
      for (const line of done) console.log(`demo: ${line}`);
      console.log(`demo: real backups and restores done in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    },
  },
];

// A demo world has dozens of customer logins: show a few of each role, not a wall of text.
const shownPerRole = 3;

function printSummary(logins: Login[], servers: DemoServer[], caFile: string): void {
  console.log("\nDemo logins:");
  const byRole = new Map<string, Login[]>(); // Map.groupBy needs Node 21
  for (const l of logins) byRole.set(l.role, [...(byRole.get(l.role) ?? []), l]);
  const shown = [...byRole.values()].flatMap((group) => group.slice(0, shownPerRole));
  const width = Math.max(0, ...shown.map((l) => l.login.length));
  for (const [role, group] of byRole) {
    for (const l of group.slice(0, shownPerRole)) console.log(`  ${role.padEnd(9)} ${l.login.padEnd(width)}  ${l.password}`);
    if (group.length > shownPerRole) console.log(`  ${"".padEnd(9)} ... and ${group.length - shownPerRole} more ${role} logins`);
  }
  console.log(`\nPortal: http://localhost:${env.STRONGROOM_DEMO_PORT}`);
  for (const server of servers) console.log(`Backup server ${server.name}: ${server.url} (devices ${server.devices.join(", ")})`);
  if (servers.length > 0) {
    console.log(`  e.g. STRONGROOM_ACCOUNT_PASSWORD=backup-demo-pass STRONGROOM_PASSWORD="demo repository passphrase LOGIN" \\`);
    console.log(`       bin/strongroom snapshots --server ${servers[0]?.url ?? ""} --server-ca ${caFile} --account LOGIN`);
  }
  console.log("");
}

async function main(): Promise<number> {
  // `interrupted`: the user asked to stop (a signal). `ending`: a service ended, so the rest stop too.
  let interrupted = false;
  let ending = false;
  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (finish = resolve));
  const services: ChildProcess[] = [];
  const demo: Demo = {
    databaseUrl: "",
    authSecret: "",
    logins: [],
    servers: [],
    caFile: "",
    addService(name, child) {
      services.push(child);
      child.once("exit", (code, signal) => {
        const unexpected = !interrupted && !ending;
        if (unexpected) console.error(`demo: ${name} stopped (${signal ?? `exit ${code}`})`);
        ending = true;
        for (const other of services) if (!hasExited(other)) other.kill("SIGTERM");
        finish(unexpected ? code || 1 : 0);
      });
    },
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      interrupted = true;
      for (const child of children) child.kill(signal);
      if (children.size === 0) process.exit(130);
    });
  }
  for (const step of steps) {
    try {
      await step.run(demo);
    } catch (error) {
      for (const child of children) child.kill("SIGTERM");
      if (interrupted) return 130;
      if (!(error instanceof NoDatabaseServerError)) console.error(`demo: step "${step.title}" failed`);
      throw error;
    }
  }
  printSummary(demo.logins, demo.servers, demo.caFile);
  return finished;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof NoDatabaseServerError ? error.message : error);
    process.exit(1);
  },
);
