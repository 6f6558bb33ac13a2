import type { Row } from "./build-report";

function cell(value: number | null): string {
  if (value === null) return "n/a";
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function ratioCell(row: Row): string {
  if (row.ratio === null) return row.ratioKind ? "n/a" : "";
  return row.ratioKind === "speedup" ? `${row.ratio.toFixed(2)}x speedup` : `${row.ratio.toFixed(2)}x ours/peer`;
}

function perRoundCell(row: Row): string {
  if (row.perRound.length < 2) return "";
  return `  (rounds: ${row.perRound.map((r) => (r === null ? "n/a" : r.toFixed(2))).join(" ")})`;
}

/** The figures as an aligned text table, one row per figure, medians side by side. */
export function formatTable(rows: Row[], oursName: string, peerName: string): string {
  const width = Math.max(...rows.map((r) => r.label.length));
  const header = `${"median of rounds".padEnd(width)}  ${`ours (${oursName})`.padStart(18)}  ${peerName.padStart(10)}  ratio`;
  const lines = rows.map((r) => `${r.label.padEnd(width)}  ${cell(r.ours).padStart(18)}  ${cell(r.peer).padStart(10)}  ${ratioCell(r)}${perRoundCell(r)}`);
  return [header, "-".repeat(header.length + 16), ...lines].join("\n");
}
