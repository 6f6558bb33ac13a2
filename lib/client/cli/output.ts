import type { ActivityEntry } from "../../core/activity";

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliStreams {
  stdout: OutputStream;
  stderr: OutputStream;
}

/**
 * Everything the CLI prints goes through here, so `--json` is all-or-nothing: in JSON mode stdout
 * carries one JSON object per line (status, entry, summary, results) and humans get nothing on
 * stdout; errors go to stderr either way. The progress line lives on stderr and only on a TTY.
 */
export class Output {
  private statusShown = false;

  constructor(
    private readonly streams: CliStreams,
    readonly json: boolean,
    readonly quiet: boolean,
  ) {}

  get progressOnTty(): boolean {
    return !this.json && !this.quiet && this.streams.stderr.isTTY === true;
  }

  get columns(): number {
    return this.streams.stderr.columns ?? 80;
  }

  /** A line of human output (nothing in JSON mode or with --quiet). */
  print(text = ""): void {
    if (this.json || this.quiet) return;
    this.clearStatus();
    this.streams.stdout.write(`${text}\n`);
  }

  /** One JSON object per line (JSON mode only). */
  object(value: Record<string, unknown> | unknown[]): void {
    if (!this.json) return;
    this.streams.stdout.write(`${JSON.stringify(value)}\n`);
  }

  /** Human text or a JSON object, whichever the mode wants. */
  result(human: () => string[], value: () => Record<string, unknown> | unknown[]): void {
    if (this.json) this.object(value());
    else for (const line of human()) this.print(line);
  }

  /**
   * Activity entries: warnings and errors reach humans on stderr even with --quiet. A path-less
   * error is the run's final error, which main() prints once as the exit line: not twice.
   */
  entry(entry: ActivityEntry): void {
    if (this.json) {
      this.object({ message_type: "entry", ...entry });
      return;
    }
    if (entry.level === "info" && this.quiet) return;
    if (entry.level === "error" && entry.path === null) return;
    this.clearStatus();
    const where = entry.path ? `${entry.path}: ` : "";
    this.streams.stderr.write(`${entry.level === "info" ? "" : `${entry.level}: `}${where}${entry.message}\n`);
  }

  /** The one-line final error (exit 1). */
  error(message: string, exitCode: number): void {
    this.clearStatus();
    if (this.json) this.streams.stderr.write(`${JSON.stringify({ message_type: "exit_error", code: exitCode, message })}\n`);
    else this.streams.stderr.write(`strongroom: ${message}\n`);
  }

  warn(message: string): void {
    this.entry({ level: "warning", at: new Date().toISOString(), path: null, message });
  }

  /** Replaces the progress line on the terminal. */
  status(text: string): void {
    if (!this.progressOnTty) return;
    const cut = text.length > this.columns - 1 ? `${text.slice(0, this.columns - 2)}…` : text;
    this.streams.stderr.write(`\r\u001b[K${cut}`);
    this.statusShown = true;
  }

  clearStatus(): void {
    if (!this.statusShown) return;
    this.streams.stderr.write("\r\u001b[K");
    this.statusShown = false;
  }
}
