import { mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { diskUsage } from "./disk-usage";
import { dropPageCache } from "./drop-page-cache";
import type { Corpus, ManifestEntry } from "./ensure-corpus";
import { hashFile } from "./hash-file";
import { applyMutation, planMutation, revertMutation } from "./mutate-corpus";
import type { Step, ToolRound } from "./round-results";
import { runMeasured, tail, type Command } from "./run-measured";
import type { BackupTool } from "./tools/backup-tool";
import { verifyRestore } from "./verify-restore";

// One round: every tool backs up the same corpus into a fresh repository, then (after the 1%
// change) backs it up again, then restores the latest snapshot, which is checked byte for byte.
// The tools alternate at every step, and odd rounds start with ours, even rounds with the peer, so
// drift in the machine's speed falls on both alike. The corpus is reverted at the end.

export interface Side {
  key: "ours" | "peer";
  tool: BackupTool;
}

export interface RoundContext {
  corpus: Corpus;
  workDir: string;
  round: number;
  keep: boolean;
  log: (line: string) => void;
}

export interface RoundOutcome {
  results: Record<Side["key"], ToolRound>;
  restoredBytes: number;
}

function mutatedManifest(corpus: Corpus, changedPaths: Set<string>): ManifestEntry[] {
  return corpus.manifest.map((entry) => {
    if (!changedPaths.has(entry.path)) return entry;
    const path = join(corpus.root, entry.path);
    return { ...entry, sha256: hashFile(path), size: statSync(path).size };
  });
}

export async function runRound(ctx: RoundContext, sides: Side[]): Promise<RoundOutcome> {
  const { corpus, log, round } = ctx;
  const order = round % 2 === 1 ? sides : [...sides].reverse();
  const results = { ours: { steps: {}, failures: [] }, peer: { steps: {}, failures: [] } } as RoundOutcome["results"];
  const base = (side: Side) => join(ctx.workDir, `round${round}-${side.key}`);
  const repo = (side: Side) => join(base(side), "repo");
  const restoreDir = (side: Side) => join(base(side), "restore");

  async function step(side: Side, name: Step, command: Command, bytes: number): Promise<boolean> {
    const result = results[side.key];
    dropPageCache();
    const m = await runMeasured(command, join(base(side), "logs", name));
    const label = `round ${round} ${side.key.padEnd(4)} ${`(${side.tool.name})`.padEnd(12)} ${name.padEnd(11)}`;
    if (m.exitCode !== 0) {
      result.failures.push(`round ${round} ${name}: exit ${m.exitCode}`);
      log(`${label} FAILED with exit code ${m.exitCode}; stderr (${m.stderrPath}):\n${tail(m.stderrPath)}`);
      return false;
    }
    result.steps[name] = { seconds: m.seconds, peakMiB: m.peakRssMiB };
    const rate = name === "incremental" ? "" : `  ${(bytes / 1e6 / m.seconds).toFixed(1)} MB/s`;
    log(`${label} ${m.seconds.toFixed(2)} s${rate}  peak ${m.peakRssMiB?.toFixed(0) ?? "?"} MiB`);
    return true;
  }

  const ready = new Set<Side>();
  for (const side of order) {
    mkdirSync(join(base(side), "logs"), { recursive: true });
    try {
      side.tool.init(repo(side));
      ready.add(side);
    } catch (error) {
      results[side.key].failures.push(`round ${round} init: ${String(error)}`);
      log(`round ${round} ${side.key} init FAILED: ${String(error)}`);
    }
  }
  for (const side of order) {
    if (!ready.has(side)) continue;
    if (await step(side, "first", side.tool.backup(repo(side), corpus.root), corpus.bytes)) results[side.key].repoFirstBytes = diskUsage(repo(side));
    else ready.delete(side);
  }

  const changes = planMutation(corpus.seed, corpus.specs);
  let restoredBytes = corpus.bytes;
  try {
    applyMutation(corpus.seed, corpus.root, changes, corpus.vocabulary);
    const expected = mutatedManifest(corpus, new Set(changes.map((c) => c.spec.path)));
    restoredBytes = expected.reduce((sum, e) => sum + e.size, 0);
    for (const side of order) {
      if (!ready.has(side)) continue;
      if (await step(side, "incremental", side.tool.backup(repo(side), corpus.root), restoredBytes)) results[side.key].repoBytes = diskUsage(repo(side));
      else ready.delete(side);
    }
    for (const side of order) {
      if (!ready.has(side)) continue;
      mkdirSync(restoreDir(side), { recursive: true });
      if (!(await step(side, "restore", side.tool.restore(repo(side), restoreDir(side)), restoredBytes))) continue;
      const verdict = verifyRestore(restoreDir(side), corpus.root, expected);
      results[side.key].restoreVerified = verdict.ok;
      if (verdict.ok) {
        rmSync(restoreDir(side), { recursive: true, force: true });
        continue;
      }
      results[side.key].failures.push(`round ${round} restore: not byte-identical`);
      log(`\n!!!!! RESTORE MISMATCH: ${side.key} (${side.tool.name}), round ${round}, ${verdict.problems.length} problems; kept in ${verdict.root}`);
      for (const problem of verdict.problems.slice(0, 15)) log(`!!!!!   ${problem}`);
      log("");
    }
  } finally {
    revertMutation(corpus.seed, corpus.root, changes, corpus.vocabulary);
    if (!ctx.keep) {
      for (const side of order) {
        for (const dir of [repo(side), ...side.tool.scratch(repo(side))]) rmSync(dir, { recursive: true, force: true });
        if (results[side.key].restoreVerified !== false) rmSync(restoreDir(side), { recursive: true, force: true });
      }
    }
  }
  return { results, restoredBytes };
}

/** The rounds, interleaved (ours then the peer within each round), each tool's results in order. */
export async function runRounds(ctx: Omit<RoundContext, "round">, rounds: number, sides: Side[]): Promise<{ ours: ToolRound[]; peer: ToolRound[]; restoredBytes: number }> {
  const ours: ToolRound[] = [];
  const peer: ToolRound[] = [];
  let restoredBytes = ctx.corpus.bytes;
  for (let round = 1; round <= rounds; round++) {
    const outcome = await runRound({ ...ctx, round }, sides);
    ours.push(outcome.results.ours);
    peer.push(outcome.results.peer);
    restoredBytes = outcome.restoredBytes;
  }
  return { ours, peer, restoredBytes };
}
