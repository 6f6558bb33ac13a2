/**
 * Runs a benchmark's main and exits with its code. A failure prints its message only (a stack
 * trace for an expected failure such as a missing tool hides the one line that matters), unless
 * the bench asks for the stack.
 */
export function runBenchMain(main: () => Promise<number>, options: { stack?: boolean } = {}): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? (options.stack ? (error.stack ?? error.message) : error.message) : error);
      process.exit(1);
    },
  );
}
