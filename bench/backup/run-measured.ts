import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { pollPeakRss } from "./poll-peak-rss";

// Runs one command and measures its wall time and peak memory. Peak memory is the RSS high-water
// mark from GNU time (%M: the largest of the process and its waited-for descendants, so a `tsx`
// wrapper does not hide the node process it starts), or, without GNU time, VmHWM polled from /proc.
// Output goes to log files, not pipes, so a chatty tool is not slowed by the harness.

export interface Command {
  command: string;
  args: string[];
  env: Record<string, string>;
}

export interface Measured {
  seconds: number;
  peakRssMiB: number | null;
  exitCode: number;
  stdoutPath: string;
  stderrPath: string;
}

export const GNU_TIME = "/usr/bin/time";

export function tail(path: string, lines = 12): string {
  if (!existsSync(path)) return "";
  return readFileSync(path, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

export async function runMeasured(cmd: Command, logPrefix: string): Promise<Measured> {
  const stdoutPath = `${logPrefix}.stdout`;
  const stderrPath = `${logPrefix}.stderr`;
  const rssPath = `${logPrefix}.rss`;
  const useTime = existsSync(GNU_TIME);
  const [command, args] = useTime ? [GNU_TIME, ["-f", "%M", "-o", rssPath, cmd.command, ...cmd.args]] : [cmd.command, cmd.args];
  const out = openSync(stdoutPath, "w");
  const err = openSync(stderrPath, "w");
  const started = performance.now();
  try {
    const child = spawn(command, args, { stdio: ["ignore", out, err], env: { ...process.env, ...cmd.env } });
    const poller = useTime ? undefined : pollPeakRss(child.pid ?? 0);
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    });
    const seconds = (performance.now() - started) / 1000;
    let peakKiB = poller ? poller.stop() : null;
    if (useTime) {
      // GNU time prefixes "Command exited with non-zero status N" on failure: the figure is last.
      const last = readFileSync(rssPath, "utf8").trim().split("\n").pop() ?? "";
      peakKiB = /^\d+$/.test(last) ? Number(last) : null;
    }
    return { seconds, peakRssMiB: peakKiB === null ? null : peakKiB / 1024, exitCode, stdoutPath, stderrPath };
  } finally {
    closeSync(out);
    closeSync(err);
  }
}
