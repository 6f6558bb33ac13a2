import { createHash } from "node:crypto";
import { checkPacks, listStoredPacks, type PackTable } from "./check-packs";
import { ProblemList } from "./check-report";
import { checkSnapshots } from "./check-snapshots";
import type { RepositoryContext } from "./context";
import { loadIndexFiles } from "./load-indexes";
import { MasterIndex } from "./master-index";
import type { CheckOptions, CheckReport } from "./types";

/** For prune: the index as storage has it now, blobs reachable from snapshots, stored packs. */
export interface CheckDetails {
  packs: PackTable;
  used: Set<string>;
  stored: Map<string, number>;
  indexKeys: string[];
}

/**
 * Verifies the repository as storage holds it now (indexes are re-read, not the ones loaded at
 * open). Structure always; with readData every pack byte too. Never throws for damage: every bad
 * object is named in the report.
 */
export async function checkRepository(ctx: RepositoryContext, options: CheckOptions): Promise<{ report: CheckReport; details: CheckDetails }> {
  const problems = new ProblemList();
  const report = (phase: string) => (done: number, total: number) => options.onProgress?.({ phase, done, total });
  const index = new MasterIndex();
  const packs: PackTable = new Map();
  const files = await loadIndexFiles(ctx.driver, ctx.master.encryptionKey);
  for (const file of files) {
    const named = file.key.slice("index/".length);
    const bytes = file.packs ? await ctx.driver.read(file.key).catch(() => null) : null;
    if (!file.packs || !bytes || createHash("sha256").update(bytes).digest("hex") !== named) {
      problems.add("index_damaged", file.key, "Index file does not hash to its name, decrypt or parse.");
      continue;
    }
    for (const pack of file.packs) {
      index.addPack(pack);
      if (!packs.has(pack.hash)) packs.set(pack.hash, pack);
    }
  }
  const stored = await listStoredPacks(ctx);
  const { bytesRead } = await checkPacks(ctx, packs, stored, problems, options.readData, report("packs"));
  const { snapshots, used } = await checkSnapshots({ ...ctx, index }, problems, report("trees"));
  const list = problems.list();
  return {
    report: { ok: list.every((p) => p.severity !== "error"), problems: list, snapshots, packs: packs.size, blobs: index.blobCount, bytesRead },
    details: { packs, used, stored, indexKeys: files.map((f) => f.key) },
  };
}
