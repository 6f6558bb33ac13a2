import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import { dirname } from "node:path";
import { repositoryRoot } from "../../../lib/server/accounts/account-paths";
import type { BackupTool } from "../../backup/tools/backup-tool";
import { findStrongroomCommand } from "../../backup/tools/strongroom-tool";
import type { BenchDaemon } from "../bench-daemon";

// Our CLI through the daemon: `strongroom backup --server URL --account NAME`, each round's
// repository belonging to a fresh account. The account's repository directory on the daemon's
// device is a symlink to the round's repository path, so bench/backup's round (which measures and
// deletes that path) works unchanged.

const PASSWORD = "bench-password";

export interface RemoteToolOptions {
  daemon: BenchDaemon;
  deviceRoot: string;
  /** Accounts ready on the device, one used per round. */
  logins: string[];
  accountPassword: string;
}

export function remoteStrongroomTool(options: RemoteToolOptions): BackupTool {
  const found = findStrongroomCommand();
  if (!found) throw new Error("bin/strongroom is missing");
  const [command = "", ...prefix] = found;
  const env = { STRONGROOM_PASSWORD: PASSWORD, STRONGROOM_ACCOUNT_PASSWORD: options.accountPassword, STRONGROOM_SERVER_CA: options.daemon.caFile };
  const loginOf = new Map<string, string>();
  const server = (repo: string) => {
    const login = loginOf.get(repo);
    if (!login) throw new Error(`no account for ${repo}: init first`);
    return ["--server", options.daemon.url, "--account", login];
  };
  return {
    name: "strongroom",
    describe: () => `${found.join(" ")} --server ${options.daemon.url} (HTTPS on loopback to bin/strongroom-server)`,
    init(repo) {
      const login = options.logins.shift();
      if (!login) throw new Error("no prepared account left");
      loginOf.set(repo, login);
      mkdirSync(repo, { recursive: true });
      const accountRepo = repositoryRoot(options.deviceRoot, login);
      mkdirSync(dirname(accountRepo), { recursive: true });
      symlinkSync(repo, accountRepo);
      const result = spawnSync(command, [...prefix, "init", ...server(repo)], { encoding: "utf8", env: { ...process.env, ...env } });
      if (result.status !== 0) throw new Error(`strongroom init --server failed: ${result.stderr.trim()}`);
    },
    backup: (repo, source) => ({ command, args: [...prefix, "backup", ...server(repo), "--json", source], env }),
    restore: (repo, target) => ({ command, args: [...prefix, "restore", "latest", ...server(repo), "--target", target], env }),
    scratch: () => [],
  };
}
