import { exitCodes } from "./command-context";
import { main } from "./main";
import { promptHidden } from "./read-passphrase";

/**
 * Process wiring for bin/strongroom: the first SIGINT/SIGTERM asks the run to stop cleanly (the
 * activity is recorded as interrupted, no snapshot is written); a second one exits at once.
 */
export async function runCli(argv: readonly string[]): Promise<void> {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(exitCodes.interrupted);
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let code: number = exitCodes.failure;
  try {
    code = await main(argv, {
      env: process.env,
      streams: { stdout: process.stdout, stderr: process.stderr },
      cwd: process.cwd(),
      signal: controller.signal,
      ...(process.stdin.isTTY ? { prompt: promptHidden(process.stdin, process.stderr) } : {}),
    });
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  process.exitCode = code;
  // An interrupted check may still be running in the background (see raceSignal): its
  // activity is already recorded, so stop it instead of waiting for it.
  if (code === exitCodes.interrupted) setImmediate(() => process.exit(code));
}
