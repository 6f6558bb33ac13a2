import type { StorageDriver } from "../../core/storage/driver";
import { main } from "../cli/main";

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in this process (same code path as bin/strongroom, minus the process wiring), with
 * an optional storage driver per repository path: how fault drivers reach the CLI in tests.
 */
export async function runMain(args: string[], env: Record<string, string>, options: { createDriver?: (repoPath: string) => StorageDriver; signal?: AbortSignal } = {}): Promise<MainRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    env,
    streams: { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } },
    cwd: process.cwd(),
    signal: options.signal ?? new AbortController().signal,
    ...(options.createDriver ? { createDriver: options.createDriver } : {}),
  });
  return { code, stdout, stderr };
}
