import { spawnSync } from "node:child_process";
import type { BackupTool } from "./backup-tool";

// restic with its defaults: repository format as `restic init` picks it (v2 with compression
// `auto` from restic 0.14 on; 0.13 and older have no compression at all), its local cache in a
// directory of its own per repository (deleted with it), password from the environment.

const PASSWORD = "bench-password";

function env(repo: string): Record<string, string> {
  return { RESTIC_PASSWORD: PASSWORD, RESTIC_CACHE_DIR: `${repo}-cache` };
}

function run(args: string[], repo: string): string {
  const result = spawnSync("restic", args, { encoding: "utf8", env: { ...process.env, ...env(repo) } });
  if (result.status !== 0) throw new Error(`restic ${args.join(" ")} failed: ${result.stderr.trim()}`);
  return result.stdout;
}

export function resticTool(): BackupTool {
  let format = "";
  return {
    name: "restic",
    describe() {
      const version = spawnSync("restic", ["version"], { encoding: "utf8" }).stdout.trim().split(" ").slice(0, 2).join(" ");
      return `${version}, ${format || "repository format not read yet"}, compression auto (default), local cache`;
    },
    init(repo) {
      run(["init", "--repo", repo], repo);
      if (!format) {
        const config = JSON.parse(run(["cat", "config", "--repo", repo], repo)) as { version?: number };
        format = `repository v${config.version ?? "?"}`;
      }
    },
    backup: (repo, source) => ({ command: "restic", args: ["backup", "--repo", repo, "--json", source], env: env(repo) }),
    restore: (repo, target) => ({ command: "restic", args: ["restore", "latest", "--repo", repo, "--target", target], env: env(repo) }),
    scratch: (repo) => [`${repo}-cache`],
  };
}
