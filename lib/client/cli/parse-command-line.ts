import { parseArgs } from "node:util";
import { ClientError } from "../util/client-error";
import { commandSpecs, globalOptions, isCommandName, type CommandName } from "./command-specs";

export interface CommandLine {
  command: CommandName;
  positionals: string[];
  /** Flag values by long name: string, boolean or string[] (repeatable flags). */
  values: Record<string, string | boolean | string[] | undefined>;
}

/**
 * Finds the command (the first argument that is not a global flag or its value), then parses
 * everything strictly against the global flags plus that command's, so an unknown flag or a
 * missing value is a one-line error instead of being ignored.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const name = findCommandName(argv);
  if (name === null) {
    const flags = parseStrict(argv, {}, "strongroom");
    return { command: "help", positionals: [], values: flags.values };
  }
  if (!isCommandName(name)) throw new ClientError("usage", `unknown command "${name}" (run "strongroom help" for the list)`);
  const spec = commandSpecs[name];
  const parsed = parseStrict(argv, spec.options, name);
  const positionals = parsed.positionals.slice(1);
  if (!parsed.values.help) {
    const [min, max] = spec.positionals;
    if (positionals.length < min) throw new ClientError("usage", `${name}: missing arguments (usage: strongroom ${spec.usage})`);
    if (positionals.length > max) throw new ClientError("usage", `${name}: unexpected argument "${positionals[max] ?? ""}" (usage: strongroom ${spec.usage})`);
  }
  return { command: name, positionals, values: parsed.values };
}

function parseStrict(argv: readonly string[], options: NonNullable<Parameters<typeof parseArgs>[0]>["options"], context: string) {
  try {
    return parseArgs({ args: [...argv], options: { ...globalOptions, ...options }, strict: true, allowPositionals: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const flag = /'(-[^']*)'/.exec((error as Error).message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new ClientError("usage", `unknown flag ${flag} for ${context} (run "strongroom help ${context === "strongroom" ? "" : context}" for its flags)`.replace(/ \)/, ")"));
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      // Node says "Option '-r, --repo <value>' argument missing": name the long form.
      const long = /--[a-z-]+/.exec(flag)?.[0] ?? flag;
      throw new ClientError("usage", `flag ${long} needs a value`);
    }
    throw new ClientError("usage", (error as Error).message);
  }
}

const globalWithValue = new Set(["--repo", "-r", "--password-file", "-p", "--server", "--account", "--account-password-file", "--server-ca"]);

function findCommandName(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === "--") return argv[i + 1] ?? null;
    if (globalWithValue.has(arg)) {
      i += 1;
      continue;
    }
    if (arg.startsWith("-")) continue;
    return arg;
  }
  return null;
}

/** A flag that must be a non-negative integer ("--keep-daily 7"). */
export function integerFlag(values: CommandLine["values"], name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== "string" || !/^\d+$/.test(raw)) throw new ClientError("usage", `--${name} needs a whole number, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

export function stringsFlag(values: CommandLine["values"], name: string): string[] {
  const raw = values[name];
  return Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : [];
}

export function stringFlag(values: CommandLine["values"], name: string): string | undefined {
  const raw = values[name];
  return typeof raw === "string" ? raw : undefined;
}
