import { parseOptions } from "../backup/parse-options";

export interface ServerBenchOptions {
  size: number;
  seed: string;
  rounds: number;
  dataDir: string;
  keep: boolean;
}

/**
 * bench:backup's options (--size, --seed, --rounds, --data-dir, --keep) with the same defaults and
 * checks; the tools are fixed here (our daemon against restic over SFTP), so choosing them is refused.
 */
export function parseServerBenchOptions(argv: string[]): ServerBenchOptions {
  const fixed = argv.find((arg) => /^--(ours|peer|ours-command)(=|$)/.test(arg));
  if (fixed) throw new Error(`${fixed}: bench:server always compares bin/strongroom-server with restic over SFTP`);
  const { size, seed, rounds, dataDir, keep } = parseOptions(argv);
  return { size, seed, rounds, dataDir, keep };
}
