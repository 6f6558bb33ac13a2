import { median, type Step, type ToolRound } from "./round-results";

// Turns the rounds into rows (median per figure per tool, side by side, with the ratio) and the
// final JSON object. Speedups are the peer's time over ours (above 1: we are faster); size and
// memory ratios are ours over the peer's (below 1: we use less).

export interface ReportInput {
  oursName: string;
  peerName: string;
  ours: ToolRound[];
  peer: ToolRound[];
  corpusBytes: number;
  restoredBytes: number;
  corpusFiles: number;
}

export interface Row {
  label: string;
  ours: number | null;
  peer: number | null;
  ratio: number | null;
  ratioKind: "speedup" | "ours/peer" | "";
  /** The same ratio within each round (both tools measured minutes apart): shows the spread. */
  perRound: (number | null)[];
}

const MB = 1e6;

function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

function stepMedian(rounds: ToolRound[], step: Step, pick: "seconds" | "peakMiB"): number | null {
  return median(rounds.map((r) => r.steps[step]?.[pick]));
}

function peakOverall(rounds: ToolRound[]): number | null {
  return median(rounds.map((r) => Math.max(...Object.values(r.steps).map((s) => s?.peakMiB ?? -Infinity))));
}

function roundList(values: (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null || !Number.isFinite(v) ? null : Number(v.toFixed(3))));
}

export function buildReport(input: ReportInput): { rows: Row[]; json: Record<string, unknown> } {
  const { ours, peer } = input;
  const time = (step: Step) => [stepMedian(ours, step, "seconds"), stepMedian(peer, step, "seconds")] as const;
  const [oFirst, pFirst] = time("first");
  const [oIncr, pIncr] = time("incremental");
  const [oRest, pRest] = time("restore");
  const rate = (bytes: number, s: number | null) => (s ? bytes / MB / s : null);
  const bytes = (rounds: ToolRound[], pick: "repoBytes" | "repoFirstBytes") => {
    const m = median(rounds.map((r) => r[pick]));
    return m === null ? null : Math.round(m);
  };
  const [oRepo, pRepo] = [bytes(ours, "repoBytes"), bytes(peer, "repoBytes")];
  const [oRepoFirst, pRepoFirst] = [bytes(ours, "repoFirstBytes"), bytes(peer, "repoFirstBytes")];
  const mem = (step: Step) => [stepMedian(ours, step, "peakMiB"), stepMedian(peer, step, "peakMiB")] as const;
  const [oMemFirst, pMemFirst] = mem("first");
  const [oMemIncr, pMemIncr] = mem("incremental");
  const [oMemRest, pMemRest] = mem("restore");
  const [oMem, pMem] = [peakOverall(ours), peakOverall(peer)];
  const paired = (get: (r: ToolRound) => number | null | undefined, invert: boolean) =>
    ours.map((o, i) => {
      const [a, b] = [get(o) ?? null, peer[i] ? (get(peer[i]) ?? null) : null];
      return invert ? ratio(b, a) : ratio(a, b);
    });
  const stepGet = (step: Step, pick: "seconds" | "peakMiB") => (r: ToolRound) => r.steps[step]?.[pick];
  const maxPeak = (r: ToolRound) => Math.max(...Object.values(r.steps).map((s) => s?.peakMiB ?? -Infinity));
  const speed = (label: string, o: number | null, p: number | null, step: Step): Row => ({
    label,
    ours: o,
    peer: p,
    ratio: ratio(p, o),
    ratioKind: "speedup",
    perRound: paired(stepGet(step, "seconds"), true),
  });
  const rel = (label: string, o: number | null, p: number | null, get: (r: ToolRound) => number | null | undefined): Row => ({
    label,
    ours: o,
    peer: p,
    ratio: ratio(o, p),
    ratioKind: "ours/peer",
    perRound: paired(get, false),
  });
  const plain = (label: string, o: number | null, p: number | null): Row => ({ label, ours: o, peer: p, ratio: null, ratioKind: "", perRound: [] });
  const rows: Row[] = [
    speed("first backup (s)", oFirst, pFirst, "first"),
    plain("first backup (MB/s)", rate(input.corpusBytes, oFirst), rate(input.corpusBytes, pFirst)),
    speed("incremental after 1% change (s)", oIncr, pIncr, "incremental"),
    speed("restore (s)", oRest, pRest, "restore"),
    plain("restore (MB/s)", rate(input.restoredBytes, oRest), rate(input.restoredBytes, pRest)),
    rel("repository after first backup (MB)", oRepoFirst && oRepoFirst / MB, pRepoFirst && pRepoFirst / MB, (r) => r.repoFirstBytes),
    rel("repository after incremental (MB)", oRepo && oRepo / MB, pRepo && pRepo / MB, (r) => r.repoBytes),
    rel("peak memory, first backup (MiB)", oMemFirst, pMemFirst, stepGet("first", "peakMiB")),
    rel("peak memory, incremental (MiB)", oMemIncr, pMemIncr, stepGet("incremental", "peakMiB")),
    rel("peak memory, restore (MiB)", oMemRest, pMemRest, stepGet("restore", "peakMiB")),
    rel("peak memory, any step (MiB)", oMem, pMem, maxPeak),
  ];
  const p = input.peerName;
  const round = (v: number | null, digits = 3) => (v === null ? null : Number(v.toFixed(digits)));
  const json: Record<string, unknown> = {
    first_backup_speedup: round(ratio(pFirst, oFirst)),
    incremental_speedup: round(ratio(pIncr, oIncr)),
    restore_speedup: round(ratio(pRest, oRest)),
    repo_size_ratio: round(ratio(oRepo, pRepo)),
    peak_memory_ratio: round(ratio(oMem, pMem)),
    ours_first_backup_s: round(oFirst),
    [`${p}_first_backup_s`]: round(pFirst),
    ours_first_backup_mb_s: round(rate(input.corpusBytes, oFirst), 1),
    [`${p}_first_backup_mb_s`]: round(rate(input.corpusBytes, pFirst), 1),
    ours_incremental_s: round(oIncr),
    [`${p}_incremental_s`]: round(pIncr),
    ours_restore_s: round(oRest),
    [`${p}_restore_s`]: round(pRest),
    ours_restore_mb_s: round(rate(input.restoredBytes, oRest), 1),
    [`${p}_restore_mb_s`]: round(rate(input.restoredBytes, pRest), 1),
    ours_repo_bytes: oRepo,
    [`${p}_repo_bytes`]: pRepo,
    ours_repo_first_bytes: oRepoFirst,
    [`${p}_repo_first_bytes`]: pRepoFirst,
    ours_peak_rss_mib: round(oMem, 1),
    [`${p}_peak_rss_mib`]: round(pMem, 1),
    ours_first_backup_peak_rss_mib: round(oMemFirst, 1),
    [`${p}_first_backup_peak_rss_mib`]: round(pMemFirst, 1),
    ours_incremental_peak_rss_mib: round(oMemIncr, 1),
    [`${p}_incremental_peak_rss_mib`]: round(pMemIncr, 1),
    ours_restore_peak_rss_mib: round(oMemRest, 1),
    [`${p}_restore_peak_rss_mib`]: round(pMemRest, 1),
    first_backup_speedup_rounds: roundList(rows[0]?.perRound ?? []),
    incremental_speedup_rounds: roundList(rows[2]?.perRound ?? []),
    restore_speedup_rounds: roundList(rows[3]?.perRound ?? []),
    corpus_bytes: input.corpusBytes,
    corpus_files: input.corpusFiles,
  };
  return { rows, json };
}
