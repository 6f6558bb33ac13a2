import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseSize } from "../backup/parse-options";

export interface ServerBenchOptions {
  size: number;
  seed: string;
  rounds: number;
  dataDir: string;
  keep: boolean;
}

const USAGE = `usage: npm run bench:server -- [--size 1G|100M] [--seed 1] [--rounds 3] [--data-dir .data/bench] [--keep]`;

export function parseServerBenchOptions(argv: string[]): ServerBenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: "string", default: "1G" },
      seed: { type: "string", default: "1" },
      rounds: { type: "string", default: "3" },
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
  return { size, seed: values.seed, rounds, dataDir: resolve(values["data-dir"]), keep: values.keep };
}
