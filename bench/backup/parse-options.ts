import { resolve } from "node:path";
import { parseArgs } from "node:util";

export type ToolName = "strongroom" | "restic" | "cp";

export interface Options {
  size: number;
  seed: string;
  rounds: number;
  ours: ToolName;
  peer: ToolName;
  /** Command line that runs our CLI, split on spaces; empty: bin/strongroom as found. */
  oursCommand: string[];
  dataDir: string;
  keep: boolean;
}

const USAGE = `usage: npx tsx bench/backup/run.ts [--size 1G|100M] [--seed 1] [--rounds 3]
       [--ours strongroom|restic|cp] [--peer restic|cp] [--ours-command "node_modules/.bin/tsx bin/strongroom.ts"]
       [--data-dir .data/bench] [--keep]`;

/** "1G", "100M", "512MiB", "1073741824" -> bytes (binary units). */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(text.trim());
  if (!match) throw new Error(`bad size "${text}" (try 1G or 100M)`);
  const power = " kmgt".indexOf((match[2] || " ").toLowerCase());
  return Math.round(Number(match[1]) * 1024 ** power);
}

function toolName(value: string, flag: string): ToolName {
  if (value === "strongroom" || value === "restic" || value === "cp") return value;
  throw new Error(`${flag}: expected strongroom, restic or cp, got "${value}"\n${USAGE}`);
}

export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: "string", default: "1G" },
      seed: { type: "string", default: "1" },
      rounds: { type: "string", default: "3" },
      ours: { type: "string", default: "strongroom" },
      peer: { type: "string", default: "restic" },
      "ours-command": { type: "string", default: "" },
      "data-dir": { type: "string", default: ".data/bench" },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds: expected a positive integer\n${USAGE}`);
  const size = parseSize(values.size);
  if (size < 16 * 1024 ** 2) throw new Error("--size: at least 16M");
  return {
    size,
    seed: values.seed,
    rounds,
    ours: toolName(values.ours, "--ours"),
    peer: toolName(values.peer, "--peer"),
    oursCommand: values["ours-command"].split(" ").filter(Boolean),
    dataDir: resolve(values["data-dir"]),
    keep: values.keep,
  };
}
