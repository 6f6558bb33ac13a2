import { spawnSync } from "node:child_process";
import type { BackupTool } from "../../backup/tools/backup-tool";
import type { Sshd } from "../start-sshd";

// restic with its defaults (as bench/backup runs it: format as `restic init` picks it, compression
// auto, its local cache per repository), but storing through SFTP on loopback: the network peer
// of our daemon. The repository directory is local to this machine, so its size is `du` as usual.

const PASSWORD = "bench-password";

export function resticSftpTool(sshd: Sshd): BackupTool {
  const env = (repo: string) => ({ RESTIC_PASSWORD: PASSWORD, RESTIC_CACHE_DIR: `${repo}-cache` });
  const repoArgs = (repo: string) => ["--repo", `sftp:${sshd.user}@127.0.0.1:${repo}`, "-o", `sftp.command=${sshd.sftpCommand}`];
  let format = "";
  return {
    name: "restic",
    describe() {
      const version = spawnSync("restic", ["version"], { encoding: "utf8" }).stdout.trim().split(" ").slice(0, 2).join(" ");
      return `${version} over SFTP to OpenSSH on loopback (port ${sshd.port}), ${format || "repository format not read yet"}, compression auto (default), local cache`;
    },
    init(repo) {
      const run = (args: string[]) => {
        const result = spawnSync("restic", [...args, ...repoArgs(repo)], { encoding: "utf8", env: { ...process.env, ...env(repo) } });
        if (result.status !== 0) throw new Error(`restic ${args[0]} over sftp failed: ${result.stderr.trim()}`);
        return result.stdout;
      };
      run(["init"]);
      if (!format) format = `repository v${(JSON.parse(run(["cat", "config"])) as { version?: number }).version ?? "?"}`;
    },
    backup: (repo, source) => ({ command: "restic", args: ["backup", ...repoArgs(repo), "--json", source], env: env(repo) }),
    restore: (repo, target) => ({ command: "restic", args: ["restore", "latest", ...repoArgs(repo), "--target", target], env: env(repo) }),
    scratch: (repo) => [`${repo}-cache`],
  };
}
