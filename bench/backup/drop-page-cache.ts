import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";

// Before each timed run: flush dirty pages (so one tool's pending writes do not slow the next one)
// and, if this process may, drop the page cache so every tool reads the corpus from disk alike.
// Returns false when dropping is not permitted (not root, or a read-only /proc in a container).
export function dropPageCache(): boolean {
  spawnSync("sync");
  try {
    writeFileSync("/proc/sys/vm/drop_caches", "3\n");
    return true;
  } catch {
    return false;
  }
}
