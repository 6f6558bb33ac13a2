import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { env } from "../../lib/env";

// Resolved like the app resolves it (node_modules may sit in a parent directory), run with this node.
const nextCli = createRequire(path.join(process.cwd(), "package.json")).resolve("next/dist/bin/next");

/** Arguments for spawning the Next.js CLI with the current node binary. */
export function nextCommand(...args: string[]): [string, string[]] {
  return [process.execPath, [nextCli, ...args]];
}
const sourceDirs = ["app", "components", "lib", "db"];

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Why the portal needs a `next build` now, or undefined when the last build is current. */
export function buildNeeded(): string | undefined {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no build yet";
  if (env.STRONGROOM_REBUILD === "1" || process.argv.includes("--rebuild")) return "rebuild requested";
  const built = statSync(buildId).mtimeMs;
  return sourceDirs.some((dir) => newestMtime(dir) > built) ? "sources changed since the last build" : undefined;
}
