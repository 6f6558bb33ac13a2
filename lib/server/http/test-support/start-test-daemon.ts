import fs from "node:fs/promises";
import path from "node:path";
import pino from "pino";
import type { Database } from "../../../../db/client";
import type { AccountDirectory, MountedDevice } from "../../accounts";
import type { DaemonConfig } from "../../daemon/daemon-config";
import { ensureSelfSignedCertificate } from "../../daemon/self-signed-certificate";
import { startDaemon, type RunningDaemon } from "../../daemon/start-daemon";

export interface TestDaemon extends RunningDaemon {
  url: string;
  ca: Buffer;
  caFile: string;
  stateDir: string;
}

/** A real daemon on 127.0.0.1 (random port, real TLS with a certificate made by openssl). */
export async function startTestDaemon(
  dir: string,
  accounts: Pick<AccountDirectory, "authenticate" | "refresh" | "recordUsage">,
  overrides: Partial<DaemonConfig> = {},
  deps: { db?: Database | null; authCacheMs?: number; devices?: MountedDevice[] } = {},
): Promise<TestDaemon> {
  const tls = await ensureSelfSignedCertificate(path.join(dir, "tls"));
  const stateDir = path.join(dir, "state");
  const config: DaemonConfig = {
    name: "test",
    listen: { host: "127.0.0.1", port: 0 },
    tls,
    devices: [],
    databaseUrl: null,
    maxSessions: 10,
    stateDir,
    sessionIdleSeconds: 60,
    drainSeconds: 1,
    maxBodyBytes: 64 * 1024 * 1024,
    bodyIdleSeconds: 2,
    headersTimeoutSeconds: 2,
    requestTimeoutSeconds: 60,
    retryAfterSeconds: 1,
    logLevel: "silent",
    heartbeatSeconds: 30,
    cacheSyncSeconds: 300,
    ...overrides,
  };
  const daemon = await startDaemon(config, { accounts, db: deps.db ?? null, logger: pino({ level: process.env.STRONGROOM_TEST_LOG ?? "silent" }), authCacheMs: deps.authCacheMs ?? 0, devices: deps.devices ?? [] });
  return { ...daemon, url: `https://127.0.0.1:${daemon.port}`, ca: await fs.readFile(tls.cert), caFile: tls.cert, stateDir };
}
