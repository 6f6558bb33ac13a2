import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// Every child the demo starts, so a signal reaches whichever is running (a build or the services).
export const children = new Set<ChildProcess>();

export function spawnTracked(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { stdio: "inherit", ...options });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export function runToEnd(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnTracked(command, args);
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${args.map((a) => path.basename(a)).join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Resolves once `url` answers any HTTP status; fails early if `child` dies first. */
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`the process exited before answering ${url}`);
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      await sleep(300);
    }
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s`);
}
