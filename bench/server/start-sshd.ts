import { spawn, spawnSync } from "node:child_process";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { connect } from "node:net";
import { findFreePort } from "../../db/bootstrap/free-port";

// restic's peer setup: an SFTP server on loopback, as a provider would offer restic users. The
// bench runs its own sshd (Debian openssh-server) on a free port with a host key, a throwaway
// client key pair and authorized_keys in a temp dir, key login for the current user only.
// StrictModes is off because the temp dir's parents are not root-owned 0755 on every machine.

export const SSHD = "/usr/sbin/sshd";
const SFTP_SERVER = "/usr/lib/openssh/sftp-server";

export interface Sshd {
  port: number;
  /** The command restic runs instead of `ssh host` (its `-o sftp.command=`). */
  sftpCommand: string;
  user: string;
  pid: number;
  stop(): void;
}

function keygen(file: string): void {
  const result = spawnSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", file], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`ssh-keygen failed: ${result.stderr}`);
}

async function waitForBanner(port: number, pidFile: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((done) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("data", (d) => {
        socket.destroy();
        done(d.toString().startsWith("SSH-"));
      });
      socket.once("error", () => done(false));
    });
    if (ok && existsSync(pidFile)) return;
    await sleep(100);
  }
  throw new Error(`sshd did not answer on port ${port} within ${timeoutMs} ms`);
}

export async function startSshd(dir: string): Promise<Sshd> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const hostKey = join(dir, "host_ed25519");
  const clientKey = join(dir, "client_ed25519");
  for (const key of [hostKey, clientKey]) if (!existsSync(key)) keygen(key);
  const authorized = join(dir, "authorized_keys");
  writeFileSync(authorized, readFileSync(`${clientKey}.pub`));
  chmodSync(authorized, 0o600);
  // sshd refuses to start without its privilege-separation directory (normally made by systemd).
  mkdirSync("/run/sshd", { recursive: true, mode: 0o755 });
  const port = await findFreePort();
  const user = userInfo().username;
  const pidFile = join(dir, "sshd.pid");
  const config = join(dir, "sshd_config");
  writeFileSync(
    config,
    [
      `Port ${port}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${hostKey}`,
      `PidFile ${pidFile}`,
      `AuthorizedKeysFile ${authorized}`,
      `AllowUsers ${user}`,
      "StrictModes no",
      "UsePAM no",
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      "PermitRootLogin prohibit-password",
      `Subsystem sftp ${SFTP_SERVER}`,
      "LogLevel ERROR",
      "",
    ].join("\n"),
  );
  const log = openSync(join(dir, "sshd.log"), "w");
  // -D: stay in the foreground as our child; -e: log to stderr (the log file).
  const child = spawn(SSHD, ["-D", "-e", "-f", config], { stdio: ["ignore", log, log] });
  closeSync(log);
  const stop = () => child.kill("SIGTERM");
  process.once("exit", stop);
  try {
    await waitForBanner(port, pidFile);
  } catch (error) {
    stop();
    throw new Error(`${(error as Error).message}; see ${join(dir, "sshd.log")}`);
  }
  const sftpCommand = `ssh -i ${clientKey} -p ${port} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR ${user}@127.0.0.1 -s sftp`;
  return { port, sftpCommand, user, pid: child.pid ?? 0, stop };
}
