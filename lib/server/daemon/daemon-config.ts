import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const configSchema = z.object({
  name: z.string().min(1).max(100).default("strongroom"),
  listen: z.object({ host: z.string().default("0.0.0.0"), port: z.number().int().min(0).max(65535).default(8443) }).default({ host: "0.0.0.0", port: 8443 }),
  tls: z.object({ cert: z.string(), key: z.string() }).optional(),
  /** Generate a self-signed pair here when tls is not given (the demo). */
  selfSignedDir: z.string().optional(),
  /** URL clients reach this server at (registered in MySQL); default https://<hostname>:<port>. */
  url: z.string().url().optional(),
  /**
   * The devices this server mounts. `name` (default: the directory's basename) is how MySQL knows
   * the device; `id` is only the fallback for a device without a marker file while MySQL is down.
   */
  devices: z
    .array(z.object({ id: z.number().int().positive().optional(), name: z.string().min(1).max(100).optional(), path: z.string().min(1) }))
    .default([])
    .transform((list) => list.map((d) => ({ ...d, name: d.name ?? path.basename(path.resolve(d.path)) }))),
  /** Seconds between heartbeats and between account-cache syncs (when DATABASE_URL is set). */
  heartbeatSeconds: z.number().positive().default(30),
  cacheSyncSeconds: z.number().positive().default(300),
  databaseUrl: z.string().nullable().default(null),
  maxSessions: z.number().int().positive().default(100),
  stateDir: z.string().default(".data/server-state"),
  sessionIdleSeconds: z.number().positive().default(300),
  drainSeconds: z.number().nonnegative().default(60),
  maxBodyBytes: z.number().int().positive().default(64 * 1024 * 1024),
  bodyIdleSeconds: z.number().positive().default(30),
  headersTimeoutSeconds: z.number().positive().default(20),
  requestTimeoutSeconds: z.number().positive().default(300),
  /** Told to clients refused at the session limit (they add jitter). */
  retryAfterSeconds: z.number().int().positive().default(2),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type DaemonConfig = z.infer<typeof configSchema>;

/** Environment variables that override the file, for containers and the demo. */
const envOverrides: Record<string, (config: Record<string, unknown>, value: string) => void> = {
  STRONGROOM_SERVER_NAME: (c, v) => (c.name = v),
  STRONGROOM_LISTEN_HOST: (c, v) => (c.listen = { ...(c.listen as object), host: v }),
  STRONGROOM_LISTEN_PORT: (c, v) => (c.listen = { ...(c.listen as object), port: Number(v) }),
  STRONGROOM_TLS_CERT: (c, v) => (c.tls = { ...(c.tls as object), cert: v }),
  STRONGROOM_TLS_KEY: (c, v) => (c.tls = { ...(c.tls as object), key: v }),
  DATABASE_URL: (c, v) => (c.databaseUrl = v),
  STRONGROOM_MAX_SESSIONS: (c, v) => (c.maxSessions = Number(v)),
  STRONGROOM_STATE_DIR: (c, v) => (c.stateDir = v),
  STRONGROOM_LOG_LEVEL: (c, v) => (c.logLevel = v),
};

/** The file's JSON object; a missing file or bad JSON is one line that names the file. */
async function readConfigFile(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    throw new Error(`cannot read config file ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not a JSON object");
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new Error(`config file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The config file (JSON) with env overrides, validated once at boot; a bad value stops the
 * daemon with one line naming the field. Relative paths are relative to the config file.
 */
export async function loadDaemonConfig(file: string | null, env: Readonly<Record<string, string | undefined>>, extra: Partial<Record<string, unknown>> = {}): Promise<DaemonConfig> {
  const raw = file === null ? {} : await readConfigFile(file);
  for (const [name, apply] of Object.entries(envOverrides)) {
    const value = env[name];
    if (value !== undefined && value !== "") apply(raw, value);
  }
  Object.assign(raw, extra);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid server config: ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
  }
  const base = file === null ? process.cwd() : path.dirname(path.resolve(file));
  const abs = (p: string) => path.resolve(base, p);
  const config = parsed.data;
  return {
    ...config,
    stateDir: abs(config.stateDir),
    devices: config.devices.map((d) => ({ ...d, path: abs(d.path) })),
    ...(config.tls ? { tls: { cert: abs(config.tls.cert), key: abs(config.tls.key) } } : {}),
    ...(config.selfSignedDir ? { selfSignedDir: abs(config.selfSignedDir) } : {}),
  };
}
