import { existsSync, mkdirSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { buildReport } from "./build-report";
import { dropPageCache } from "./drop-page-cache";
import { ensureCorpus } from "./ensure-corpus";
import { ensureDebianPackage } from "./ensure-debian-package";
import { parseOptions, type ToolName } from "./parse-options";
import { formatTable } from "./print-table";
import { GNU_TIME } from "./run-measured";
import { runRounds, type Side } from "./run-round";
import type { BackupTool } from "./tools/backup-tool";
import { cpTool } from "./tools/cp-tool";
import { resticTool } from "./tools/restic-tool";
import { strongroomTool } from "./tools/strongroom-tool";
import { runBenchMain } from "../run-main";

// npm run bench:backup -- [--size 100M] [--rounds 3] [--ours restic]  (see bench/backup/README.md)
// Progress goes to stderr; the table and, last, one JSON line go to stdout.

const log = (line: string) => process.stderr.write(`${line}\n`);

function makeTool(name: ToolName, oursCommand: string[]): BackupTool {
  if (name === "strongroom") return strongroomTool(oursCommand);
  if (name === "cp") return cpTool();
  if (!ensureDebianPackage("restic", "/usr/bin/restic", log)) throw new Error("restic is needed: apt-get install -y restic");
  return resticTool();
}

async function main(): Promise<number> {
  const loadAtStart = loadavg()[0] ?? 0;
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync("bench/backup")) throw new Error("run from the repository root (npm run bench:backup does)");
  if (!ensureDebianPackage("time", GNU_TIME, log)) log("peak memory: polling VmHWM in /proc instead of GNU time");
  const sides: Side[] = [
    { key: "ours", tool: makeTool(options.ours, options.oursCommand) },
    { key: "peer", tool: makeTool(options.peer, []) },
  ];
  const corpus = ensureCorpus(options.dataDir, options.seed, options.size, log);
  const cacheDropped = dropPageCache();
  const cacheNote = cacheDropped
    ? "page cache synced and dropped before every timed run"
    : "page cache NOT dropped (no permission): runs may read from a warm cache";
  log(`corpus: ${corpus.root}${corpus.reused ? " (reused)" : ""}, ${corpus.manifest.length} files, ${(corpus.bytes / 1e6).toFixed(0)} MB`);
  log(cacheNote);

  const workDir = join(options.dataDir, "work");
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const { ours, peer, restoredBytes } = await runRounds({ corpus, workDir, keep: options.keep, log }, options.rounds, sides);

  const [oursTool, peerTool] = [sides[0]?.tool, sides[1]?.tool];
  const oursName = oursTool?.name ?? "";
  const peerName = peerTool?.name ?? "";
  const { rows, json } = buildReport({ oursName, peerName, ours, peer, corpusBytes: corpus.bytes, restoredBytes, corpusFiles: corpus.manifest.length });
  const failures = [...ours.flatMap((r) => r.failures.map((f) => `ours: ${f}`)), ...peer.flatMap((r) => r.failures.map((f) => `peer: ${f}`))];
  const restores = [...ours, ...peer].map((r) => r.restoreVerified);
  const mismatches = restores.filter((v) => v === false).length;
  const verifiedCount = restores.filter((v) => v === true).length;
  const verified = verifiedCount === restores.length;
  console.log(`\nStrongroom backup benchmark: ${options.rounds} round(s), medians; seed ${options.seed}`);
  console.log(`corpus: ${corpus.manifest.length} files, ${(corpus.bytes / 1e6).toFixed(0)} MB (${corpus.root})`);
  console.log(`ours: ${oursTool?.describe()}`);
  console.log(`peer: ${peerTool?.describe()}`);
  console.log(`${cacheNote}; times are each process's wall time; peak memory is its RSS high-water mark`);
  const load = `load average (1 min) at start ${loadAtStart.toFixed(2)}, at end ${(loadavg()[0] ?? 0).toFixed(2)}`;
  console.log(loadAtStart > 0.5 ? `${load}: OTHER WORK WAS RUNNING, figures are noisier than usual\n` : `${load}\n`);
  console.log(formatTable(rows, oursName, peerName));
  const notRun = restores.length - verifiedCount - mismatches;
  console.log(
    `\nrestores byte-identical: ${verifiedCount} of ${restores.length}` +
      (mismatches > 0 ? `; ${mismatches} NOT BYTE-IDENTICAL (see the messages above)` : "") +
      (notRun > 0 ? `; ${notRun} not run (a step failed)` : ""),
  );
  for (const failure of failures) console.log(`FAILED ${failure}`);
  console.log(
    JSON.stringify({
      ...json,
      rounds: options.rounds,
      seed: options.seed,
      ours_tool: oursName,
      peer_tool: peerName,
      peer_version: peerTool?.describe(),
      page_cache_dropped: cacheDropped,
      load_average_at_start: Number(loadAtStart.toFixed(2)),
      restore_verified: verified,
      restore_mismatches: mismatches,
      failures: failures.length,
    }),
  );
  return failures.length === 0 && verified ? 0 : 1;
}

runBenchMain(main);
