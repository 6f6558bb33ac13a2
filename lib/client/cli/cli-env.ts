/**
 * The one reader of the CLI's environment (the portal's lib/env.ts validates the server's).
 * Test-only variables are named STRONGROOM_TEST_* and documented as such in the README: they make
 * a repository cheap to open or make the process kill itself, and must never be set in production.
 */
export interface CliEnv {
  repo: string | undefined;
  password: string | undefined;
  newPassword: string | undefined;
  /** A backup server instead of a local repository (flags --server, --account win). */
  server: string | undefined;
  account: string | undefined;
  accountPassword: string | undefined;
  /** PEM file of the server's CA or self-signed certificate. */
  serverCa: string | undefined;
  /** Test only: SIGKILL ourselves just before the Nth storage write. */
  crashAtWrite: number | undefined;
  /** Test only: `init` uses cheap KDF parameters so tests do not spend seconds per open. */
  fastKdf: boolean;
  /** Print stacks of unexpected errors. */
  debug: boolean;
}

export function readCliEnv(env: Readonly<Record<string, string | undefined>>): CliEnv {
  const crash = env.STRONGROOM_TEST_CRASH_AT_WRITE;
  const crashAtWrite = crash !== undefined && /^\d+$/.test(crash) && Number(crash) > 0 ? Number(crash) : undefined;
  return {
    repo: nonEmpty(env.STRONGROOM_REPO),
    password: env.STRONGROOM_PASSWORD,
    newPassword: env.STRONGROOM_NEW_PASSWORD,
    server: nonEmpty(env.STRONGROOM_SERVER),
    account: nonEmpty(env.STRONGROOM_ACCOUNT),
    accountPassword: env.STRONGROOM_ACCOUNT_PASSWORD,
    serverCa: nonEmpty(env.STRONGROOM_SERVER_CA),
    crashAtWrite,
    fastKdf: env.STRONGROOM_TEST_FAST_KDF === "1",
    debug: env.STRONGROOM_DEBUG === "1",
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
