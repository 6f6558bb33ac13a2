import { setTimeout as sleep } from "node:timers/promises";

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Returns a reason to stop waiting early (e.g. the process died), or undefined to go on. */
  giveUp?: () => string | undefined;
}

/** Polls `check` until it returns true; throws with the reason on timeout or give-up. */
export async function waitUntil(what: string, check: () => Promise<boolean>, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await check()) return;
    const reason = options.giveUp?.();
    if (reason) throw new Error(`${what}: ${reason}`);
    if (Date.now() >= deadline) throw new Error(`${what}: no answer after ${Math.round(options.timeoutMs / 1000)} s`);
    await sleep(options.intervalMs ?? 200);
  }
}
