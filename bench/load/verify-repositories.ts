import { openRepository } from "../../lib/core/repository";
import { createLocalDriver } from "../../lib/core/storage/local-driver";
import { repositoryRoot } from "../../lib/server/accounts/account-paths";
import type { ClientTally } from "./load-messages";

// Integrity after the run, straight from the device: every repository (or a sample) is checked
// with --read-data (every pack re-hashed, every blob decrypted and verified), and each must hold
// at least as many snapshots as backups its client saw succeed. Any shortfall is an error.

export interface Verification {
  checked: number;
  integrityErrors: number;
  problems: string[];
}

export async function verifyRepositories(deviceRoot: string, passphrase: string, tallies: ClientTally[], sample: number): Promise<Verification> {
  const chosen = sample > 0 && sample < tallies.length ? tallies.filter((_, i) => i % Math.ceil(tallies.length / sample) === 0) : tallies;
  const problems: string[] = [];
  let integrityErrors = 0;
  for (const tally of chosen) {
    try {
      const repo = await openRepository(createLocalDriver(repositoryRoot(deviceRoot, tally.login)), { passphrase });
      try {
        const report = await repo.check({ readData: true });
        const errors = report.problems.filter((p) => p.severity === "error");
        integrityErrors += errors.length;
        for (const e of errors.slice(0, 3)) problems.push(`${tally.login}: ${e.kind} ${e.object}: ${e.message}`);
        if (report.snapshots < tally.completed) {
          integrityErrors += 1;
          problems.push(`${tally.login}: ${report.snapshots} snapshots, but ${tally.completed} backups succeeded`);
        }
      } finally {
        await repo.close();
      }
    } catch (error) {
      integrityErrors += 1;
      problems.push(`${tally.login}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { checked: chosen.length, integrityErrors, problems };
}
