import { spawnSync } from "node:child_process";

/** Apparent size in bytes of a directory tree (`du -sb`: file sizes, not allocated blocks). */
export function diskUsage(dir: string): number {
  const result = spawnSync("du", ["-sb", dir], { encoding: "utf8" });
  const bytes = Number(result.stdout.split("\t")[0]);
  if (result.status !== 0 || !Number.isFinite(bytes)) throw new Error(`du -sb ${dir} failed: ${result.stderr}`);
  return bytes;
}
