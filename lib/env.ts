import { z } from "zod";

/**
 * The one reader of process.env. Parsed once, at first import, so a bad value fails at boot with a
 * message naming the variable instead of deep inside a request.
 *
 * DATABASE_URL is optional here because `next build` and unit tests run without a database; the
 * database client reports a clear error when it is missing at run time.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\//, "must be a mysql:// URL")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  AUTH_URL: z.url().optional(),
  STRONGROOM_DATA_DIR: z.string().default(".data"),
  STRONGROOM_DEMO_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  STRONGROOM_REBUILD: z.enum(["0", "1"]).default("0"),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty line in .env.local (`AUTH_SECRET=`, as in .env.example) means "not set", not "invalid".
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv(process.env);
