import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { BackupTool } from "./backup-tool";

// `cp -a` as a floor for the harness itself: every "backup" is a full copy into the repository
// (no dedup, no compression, no incremental), and a restore copies the latest one back.

function latest(repo: string): string {
  const snapshots = readdirSync(repo).sort((a, b) => Number(a.slice(9)) - Number(b.slice(9)));
  return join(repo, snapshots[snapshots.length - 1] ?? "snapshot-0");
}

export function cpTool(): BackupTool {
  return {
    name: "cp",
    describe: () => "cp -a (GNU coreutils): a full copy per backup",
    init: (repo) => mkdirSync(repo, { recursive: true }),
    backup: (repo, source) => ({ command: "cp", args: ["-a", source, join(repo, `snapshot-${readdirSync(repo).length}`)], env: {} }),
    restore: (repo, target) => ({ command: "cp", args: ["-a", `${latest(repo)}/.`, target], env: {} }),
    scratch: () => [],
  };
}
