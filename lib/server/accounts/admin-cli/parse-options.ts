import { parseArgs } from "node:util";
import { parseIntervalHours, parseSize } from "../parse-size";
import { CliError } from "./admin-io";

type Spec = Record<string, { type: "string" | "boolean" }>;
export type Options = Record<string, string | boolean | undefined>;

/** Strict parsing: an unknown or misspelled option is an error, never silently ignored. */
export function parseOptions(args: string[], spec: Spec): Options {
  try {
    return parseArgs({ args, options: spec, strict: true, allowPositionals: false }).values as Options;
  } catch (err) {
    // Node's message goes on to explain "--" for positionals, which these commands do not take.
    const first = (err instanceof Error ? err.message : String(err)).split(". ")[0];
    throw new CliError(`${first} (see strongroom-admin help)`);
  }
}

export function requireString(options: Options, name: string): string {
  const value = options[name];
  if (typeof value !== "string" || value === "") throw new CliError(`--${name} is required`);
  return value;
}

export function optionalString(options: Options, name: string): string | undefined {
  const value = options[name];
  return typeof value === "string" ? value : undefined;
}

export function requireSize(options: Options, name: string): number {
  const text = requireString(options, name);
  const bytes = parseSize(text);
  if (bytes === null) throw new CliError(`invalid size ${JSON.stringify(text)} for --${name}: use bytes or K, M, G, T, P (binary), e.g. 100G`);
  return bytes;
}

export function optionalInterval(options: Options, name: string): number | undefined {
  const text = optionalString(options, name);
  if (text === undefined) return undefined;
  const hours = parseIntervalHours(text);
  if (hours === null) throw new CliError(`invalid interval ${JSON.stringify(text)} for --${name}: whole hours or days, e.g. 24h or 7d`);
  return hours;
}
