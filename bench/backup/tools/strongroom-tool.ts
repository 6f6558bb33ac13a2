import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import type { BackupTool } from "./backup-tool";

// Our CLI, run as users run it: bin/strongroom itself when it is an executable with a shebang,
// else through tsx. --ours-command overrides the command line (e.g. "node dist/strongroom.js").

const PASSWORD = "bench-password";
const ENV = { STRONGROOM_PASSWORD: PASSWORD };

export function findStrongroomCommand(): string[] | undefined {
  for (const file of ["bin/strongroom", "bin/strongroom.ts", "bin/strongroom/index.ts"]) {
    if (!existsSync(file)) continue;
    try {
      accessSync(file, constants.X_OK);
      if (readFileSync(file, "utf8").startsWith("#!")) return [`./${file}`];
    } catch {
      // not executable: run it through tsx
    }
    return ["node_modules/.bin/tsx", file];
  }
  return undefined;
}

function gitRevision(): string {
  const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
  const dirty = spawnSync("git", ["status", "--porcelain", "--", "lib", "bin"], { encoding: "utf8" }).stdout.trim();
  return head ? `git ${head}${dirty ? " + uncommitted changes in lib/ or bin/" : ""}` : "not a git checkout";
}

export function strongroomTool(commandLine: string[]): BackupTool {
  const found = commandLine.length > 0 ? commandLine : findStrongroomCommand();
  if (!found) {
    throw new Error("bin/strongroom does not exist yet: pass --ours-command, or --ours restic (or cp) to exercise the harness");
  }
  const [command = "", ...prefix] = found;
  const run = (args: string[]) => {
    const result = spawnSync(command, [...prefix, ...args], { encoding: "utf8", env: { ...process.env, ...ENV } });
    if (result.status !== 0) throw new Error(`${found.join(" ")} ${args.join(" ")} failed: ${result.stderr.trim()}`);
    return result.stdout;
  };
  return {
    name: "strongroom",
    describe: () => `${found.join(" ")} (${gitRevision()})`,
    init: (repo) => void run(["init", "--repo", repo]),
    backup: (repo, source) => ({ command, args: [...prefix, "backup", "--repo", repo, "--json", source], env: ENV }),
    restore: (repo, target) => ({ command, args: [...prefix, "restore", "latest", "--repo", repo, "--target", target], env: ENV }),
    scratch: () => [],
  };
}
