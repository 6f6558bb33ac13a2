import type { ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Flags every command accepts, before or after the command name (as restic). */
export const globalOptions = {
  repo: { type: "string", short: "r" },
  "password-file": { type: "string", short: "p" },
  server: { type: "string" },
  account: { type: "string" },
  "account-password-file": { type: "string" },
  "server-ca": { type: "string" },
  json: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

export interface CommandSpec {
  summary: string;
  usage: string;
  options: Options;
  /** Positional arguments after the command: [min, max]. */
  positionals: [number, number];
  /** Whether the command opens a repository (and so needs --repo and a passphrase). */
  needsRepository: boolean;
}

export const commandSpecs = {
  init: { summary: "create a new repository", usage: "init", options: {}, positionals: [0, 0], needsRepository: true },
  backup: {
    summary: "back up files and directories into a new snapshot",
    usage: "backup [--exclude PATTERN]... [--exclude-file FILE]... [--force] [--parent ID] [--host NAME] [--tag TAG]... PATH...",
    options: {
      exclude: { type: "string", short: "e", multiple: true },
      "exclude-file": { type: "string", multiple: true },
      force: { type: "boolean" },
      parent: { type: "string" },
      host: { type: "string" },
      tag: { type: "string", multiple: true },
      "read-concurrency": { type: "string" },
    },
    positionals: [1, Number.POSITIVE_INFINITY],
    needsRepository: true,
  },
  snapshots: { summary: "list snapshots", usage: "snapshots", options: {}, positionals: [0, 0], needsRepository: true },
  ls: { summary: "list the files of a snapshot", usage: "ls [--long] SNAPSHOT|latest [PATH]", options: { long: { type: "boolean", short: "l" } }, positionals: [1, 2], needsRepository: true },
  restore: {
    summary: "restore a snapshot into a directory",
    usage: "restore SNAPSHOT|latest --target DIR [--include PATH]...",
    options: { target: { type: "string", short: "t" }, include: { type: "string", short: "i", multiple: true } },
    positionals: [1, 1],
    needsRepository: true,
  },
  check: { summary: "verify the repository (and with --read-data every byte of it)", usage: "check [--read-data]", options: { "read-data": { type: "boolean" } }, positionals: [0, 0], needsRepository: true },
  forget: {
    summary: "remove snapshots by a keep policy (data is freed by prune)",
    usage: "forget [--keep-last N] [--keep-hourly N] [--keep-daily N] [--keep-weekly N] [--keep-monthly N] [--keep-yearly N] [--dry-run] [--prune]",
    options: {
      "keep-last": { type: "string" },
      "keep-hourly": { type: "string" },
      "keep-daily": { type: "string" },
      "keep-weekly": { type: "string" },
      "keep-monthly": { type: "string" },
      "keep-yearly": { type: "string" },
      "dry-run": { type: "boolean", short: "n" },
      prune: { type: "boolean" },
    },
    positionals: [0, 0],
    needsRepository: true,
  },
  prune: { summary: "remove data no snapshot references", usage: "prune [--dry-run]", options: { "dry-run": { type: "boolean", short: "n" } }, positionals: [0, 0], needsRepository: true },
  repair: {
    summary: "make a damaged repository consistent again (then back up again to re-upload what was lost)",
    usage: "repair [--dry-run]",
    options: { "dry-run": { type: "boolean", short: "n" } },
    positionals: [0, 0],
    needsRepository: true,
  },
  key: {
    summary: "change the repository passphrase (key passwd)",
    usage: "key passwd [--new-password-file FILE]",
    options: { "new-password-file": { type: "string" } },
    positionals: [1, 1],
    needsRepository: true,
  },
  version: { summary: "print the version", usage: "version", options: {}, positionals: [0, 0], needsRepository: false },
  help: { summary: "show help for a command", usage: "help [COMMAND]", options: {}, positionals: [0, 1], needsRepository: false },
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof commandSpecs;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandSpecs, name);
}
