import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import path from "node:path";

export const cliPath = path.resolve(import.meta.dirname, "../../../bin/strongroom");

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Env for a test repository: cheap KDF for init, passphrase from the environment. */
export function cliEnv(repo: string, extra: Record<string, string> = {}): Record<string, string> {
  const keep = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("STRONGROOM_"))) as Record<string, string>;
  return { ...keep, STRONGROOM_REPO: repo, STRONGROOM_PASSWORD: "test passphrase", STRONGROOM_TEST_FAST_KDF: "1", ...extra };
}

/** Starts the real bin/strongroom as a child process (what users run). */
export function startCli(args: string[], env: Record<string, string>, options: SpawnOptions = {}): { child: ChildProcess; result: Promise<CliRun> } {
  const child: ChildProcess = spawn(process.execPath, [cliPath, ...args], { ...options, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  const result = new Promise<CliRun>((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, result };
}

export function spawnCli(args: string[], env: Record<string, string>, options: SpawnOptions = {}): Promise<CliRun> {
  return startCli(args, env, options).result;
}

/** The JSON lines of a --json run. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
