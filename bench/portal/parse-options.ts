import { parseArgs } from "node:util";
import { withDatabaseName } from "../../db/admin";
import { testServerUrl } from "../../test/test-database";

export interface PortalBenchOptions {
  databaseUrl: string;
  fresh: boolean;
  scale: number;
  seed: number;
  /** Timed calls per case, after the warm-up ones. */
  iterations: number;
  warmup: number;
  /** Entries per loader in the LOAD DATA vs INSERT comparison. */
  compareRows: number;
}

export const BENCH_DATABASE = "strongroom_bench_portal";

const USAGE = `usage: npm run bench:portal -- [--fresh] [--iterations 30] [--warmup 3] [--scale 1] [--seed 1] [--compare-rows 500000]
  --fresh       rebuild the database even when it already holds this plan
  --scale S     multiply the provider's size (0.01 for a quick look; targets are for 1)
The database is ${BENCH_DATABASE} on the local server of TEST_DATABASE_URL (default mysql://root@127.0.0.1:3306/).`;

function positive(name: string, raw: string, integer: boolean): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new Error(`--${name}: expected a positive ${integer ? "whole " : ""}number, got "${raw}"\n${USAGE}`);
  return n;
}

export function parsePortalBenchOptions(argv: string[]): PortalBenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      fresh: { type: "boolean", default: false },
      scale: { type: "string", default: "1" },
      seed: { type: "string", default: "1" },
      iterations: { type: "string", default: "30" },
      warmup: { type: "string", default: "3" },
      "compare-rows": { type: "string", default: "500000" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const scale = positive("scale", values.scale, false);
  if (scale > 1) throw new Error(`--scale: at most 1 (the provider of the issue), got ${scale}`);
  return {
    // Only ever a local server (testServerUrl refuses others), and only ever this one database name.
    databaseUrl: withDatabaseName(testServerUrl(), BENCH_DATABASE),
    fresh: values.fresh,
    scale,
    seed: positive("seed", values.seed, true),
    iterations: positive("iterations", values.iterations, true),
    warmup: positive("warmup", values.warmup, true),
    compareRows: positive("compare-rows", values["compare-rows"], true),
  };
}
