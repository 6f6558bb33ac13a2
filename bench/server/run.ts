import { mkdirSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { hashPassword } from "../../lib/auth/password";
import { buildReport } from "../backup/build-report";
import { dropPageCache } from "../backup/drop-page-cache";
import { ensureCorpus } from "../backup/ensure-corpus";
import { ensureDebianPackage } from "../backup/ensure-debian-package";
import { formatTable } from "../backup/print-table";
import { GNU_TIME } from "../backup/run-measured";
import { runRounds, type Side } from "../backup/run-round";
import { startBenchDaemon } from "./bench-daemon";
import { createCacheOnlyAccount } from "./cache-only-account";
import { parseServerBenchOptions } from "./parse-options";
import { SSHD, startSshd } from "./start-sshd";
import { remoteStrongroomTool } from "./tools/remote-strongroom-tool";
import { resticSftpTool } from "./tools/restic-sftp-tool";
import { runBenchMain } from "../run-main";

// npm run bench:server -- [--size 100M] [--rounds 3]  (see bench/README.md)
// bench:backup's corpus and rounds, over the network on loopback: our CLI through the daemon over
// HTTPS against restic through SFTP. Progress to stderr; table and one JSON line to stdout.

const log = (line: string) => process.stderr.write(`${line}\n`);
const DEVICE_ID = 1;
const ACCOUNT_PASSWORD = "bench-account-password";
const TARGET_SPEEDUP = 1.5;

async function main(): Promise<number> {
  const loadAtStart = loadavg()[0] ?? 0;
  const options = parseServerBenchOptions(process.argv.slice(2));
  if (!ensureDebianPackage("time", GNU_TIME, log)) log("peak memory: polling VmHWM in /proc instead of GNU time");
  if (!ensureDebianPackage("restic", "/usr/bin/restic", log)) throw new Error("restic is needed: apt-get install -y restic");
  if (!ensureDebianPackage("openssh-server", SSHD, log)) throw new Error("sshd is needed: apt-get install -y openssh-server");
  const corpus = ensureCorpus(options.dataDir, options.seed, options.size, log);
  const workDir = join(options.dataDir, "server-work");
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });

  const deviceRoot = join(workDir, "device");
  const daemon = await startBenchDaemon({ dir: join(workDir, "daemon"), deviceRoot, deviceId: DEVICE_ID });
  const sshd = await startSshd(join(workDir, "sshd"));
  try {
    const hash = await hashPassword(ACCOUNT_PASSWORD);
    const logins = Array.from({ length: options.rounds }, (_, i) => `bench-round-${i + 1}`);
    for (const [i, login] of logins.entries()) await createCacheOnlyAccount(deviceRoot, DEVICE_ID, i + 1, login, hash);
    const sides: Side[] = [
      { key: "ours", tool: remoteStrongroomTool({ daemon, deviceRoot, logins, accountPassword: ACCOUNT_PASSWORD }) },
      { key: "peer", tool: resticSftpTool(sshd) },
    ];
    const cacheDropped = dropPageCache();
    log(`corpus: ${corpus.root}${corpus.reused ? " (reused)" : ""}, ${corpus.manifest.length} files, ${(corpus.bytes / 1e6).toFixed(0)} MB`);
    log(`daemon ${daemon.url} (log ${daemon.logFile}); sshd on port ${sshd.port}`);
    const { ours, peer, restoredBytes } = await runRounds({ corpus, workDir, keep: options.keep, log }, options.rounds, sides);
    const serverPeak = daemon.peakRssMiB();
    const { rows, json } = buildReport({ oursName: "strongroom", peerName: "restic", ours, peer, corpusBytes: corpus.bytes, restoredBytes, corpusFiles: corpus.manifest.length });
    const failures = [...ours, ...peer].flatMap((r) => r.failures);
    const restores = [...ours, ...peer].map((r) => r.restoreVerified);
    const verified = restores.every((v) => v === true);
    console.log(`\nStrongroom backup server benchmark: ${options.rounds} round(s), medians; seed ${options.seed}`);
    console.log(`corpus: ${corpus.manifest.length} files, ${(corpus.bytes / 1e6).toFixed(0)} MB (${corpus.root})`);
    console.log(`ours: ${sides[0]?.tool.describe()}`);
    console.log(`peer: ${sides[1]?.tool.describe()}`);
    console.log(`${cacheDropped ? "page cache dropped before every timed run" : "page cache NOT dropped (no permission)"}; client peak memory from GNU time; daemon peak RSS ${serverPeak?.toFixed(0) ?? "?"} MiB (VmHWM over the whole run)`);
    console.log(`load average (1 min) at start ${loadAtStart.toFixed(2)}, at end ${(loadavg()[0] ?? 0).toFixed(2)}${loadAtStart > 0.5 ? ": OTHER WORK WAS RUNNING" : ""}\n`);
    console.log(formatTable(rows, "strongroom", "restic"));
    console.log(`\nrestores byte-identical: ${restores.filter((v) => v === true).length} of ${restores.length}`);
    for (const failure of failures) console.log(`FAILED ${failure}`);
    const speedups = [json.first_backup_speedup, json.restore_speedup].filter((v): v is number => typeof v === "number");
    console.log(
      JSON.stringify({
        ...json,
        ours_server_peak_rss_mib: serverPeak === null ? null : Number(serverPeak.toFixed(1)),
        target_speedup: TARGET_SPEEDUP,
        target_met: speedups.length === 2 && speedups.every((s) => s >= TARGET_SPEEDUP),
        transport: "ours: HTTPS to bin/strongroom-server; restic: SFTP to OpenSSH; both on loopback",
        rounds: options.rounds,
        seed: options.seed,
        page_cache_dropped: cacheDropped,
        load_average_at_start: Number(loadAtStart.toFixed(2)),
        restore_verified: verified,
        failures: failures.length,
      }),
    );
    return failures.length === 0 && verified ? 0 : 1;
  } finally {
    sshd.stop();
    await daemon.stop();
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
  }
}

runBenchMain(main);
