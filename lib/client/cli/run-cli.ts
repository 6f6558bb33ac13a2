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
  // If the event loop empties while the command is still pending (a deadlocked pipeline: nothing
  // left to wake it), Node would exit 0 with no output and no snapshot. Make that a loud failure.
  let settled = false;
  const onBeforeExit = () => {
    if (settled) return;
    process.stderr.write("strongroom: internal error: the operation stopped making progress and was abandoned\n");
    process.exit(exitCodes.failure);
  };
  process.on("beforeExit", onBeforeExit);
  // `strongroom snapshots | head`: once the reader is gone every write fails with EPIPE, which as
  // an unhandled 'error' event crashed the CLI with a stack trace. The output is discarded, as
  // with > /dev/null, and the command finishes: a backup is not abandoned because its log reader quit.
  process.stdout.on("error", ignoreClosedPipe);
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
    settled = true;
    process.off("beforeExit", onBeforeExit);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  process.exitCode = code;
  // An interrupted check may still be running in the background (see raceSignal): its
  // activity is already recorded, so stop it instead of waiting for it.
  if (code === exitCodes.interrupted) setImmediate(() => process.exit(code));
}

function ignoreClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== "EPIPE") throw error;
}
