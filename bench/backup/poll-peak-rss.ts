import { readFileSync, readdirSync } from "node:fs";

// Fallback when GNU time is missing: every 20 ms, read VmHWM of the process and its descendants
// from /proc and keep the largest (a per-process high-water mark, as GNU time reports it). A
// process that lives less than one tick is missed; the process itself is always read at exit.

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(" ").filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function hwmKiB(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export function pollPeakRss(pid: number): { stop(): number } {
  let peak = 0;
  const tick = () => {
    const pending = [pid];
    while (pending.length > 0) {
      const current = pending.pop() ?? 0;
      peak = Math.max(peak, hwmKiB(current));
      pending.push(...children(current));
    }
  };
  tick();
  const timer = setInterval(tick, 20);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
