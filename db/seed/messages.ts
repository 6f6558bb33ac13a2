// The words of the seeded logs: skipped files, read errors and failures, per kind of machine.

import { formatBytes, formatCount, formatDuration, formatTime } from "./format";
import { projectNames } from "./names";
import type { Random } from "./random";
import type { AccountPlan } from "./tenants";

export interface FileProblem {
  path: string;
  /** The log line. */
  message: string;
  /** Why, in a few words, for the one-line summary. */
  reason: string;
}

const lockedWindows = "skipped: the file is locked by another process";
const changedWhileRead = "file changed while it was being read; the earlier version is kept and it is read again next run";
const lockFile = "skipped: lock file held by another process";

function domainOf(account: AccountPlan): string {
  return `${account.loginName.replace(/-(laptop|desktop|fileserver|mail|db|nas)-\d+$/, "")}.example`;
}

/** Files a backup of this machine typically cannot read cleanly. */
function listProblemFiles(account: AccountPlan, random: Random, year: number): FileProblem[] {
  const u = account.user;
  const project = random.pick(projectNames);
  const domain = domainOf(account);
  const locked = (path: string): FileProblem => ({ path, message: lockedWindows, reason: "locked by another process" });
  const changed = (path: string): FileProblem => ({ path, message: changedWhileRead, reason: "changed while being read" });
  const lock = (path: string): FileProblem => ({ path, message: lockFile, reason: "lock file in use" });
  switch (account.kind) {
    case "laptop":
    case "desktop":
      if (account.os === "windows") {
        return [
          { ...locked(`C:\\Users\\${u}\\Documents\\Outlook Files\\Outlook.pst`), message: `${lockedWindows} (is Outlook running?)` },
          { ...locked(`C:\\Users\\${u}\\AppData\\Local\\Microsoft\\Outlook\\${u}@${domain}.ost`), message: `${lockedWindows} (is Outlook running?)` },
          locked(`C:\\Users\\${u}\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Network\\Cookies`),
          locked(`C:\\Users\\${u}\\Documents\\~$Quarterly report Q${random.int(1, 4)}.docx`),
          {
            path: `C:\\Users\\${u}\\OneDrive\\Shared\\${project} drawings.pdf`,
            message: "skipped: online-only OneDrive file (not downloaded to this computer)",
            reason: "online-only OneDrive file",
          },
        ];
      }
      if (account.os === "macos") {
        return [
          changed(`/Users/${u}/Library/Mail/V10/MailData/Envelope Index-wal`),
          changed(`/Users/${u}/Library/Application Support/Google/Chrome/Default/Cookies`),
          changed(`/Users/${u}/Library/Messages/chat.db-wal`),
          {
            path: `/Users/${u}/Library/Containers/com.apple.Safari/Data/Library/Safari/History.db`,
            message: "permission denied: give strongroom Full Disk Access in System Settings > Privacy & Security",
            reason: "permission denied",
          },
        ];
      }
      return [
        lock(`/home/${u}/.mozilla/firefox/${random.hex(8)}.default-release/lock`),
        lock(`/home/${u}/.local/share/containers/storage/overlay-layers/layers.lock`),
        lock(`/home/${u}/.local/share/keyrings/.lock`),
        changed(`/home/${u}/.config/Slack/Cookies-journal`),
      ];
    case "fileserver":
      if (account.os === "windows") {
        return [
          locked(`D:\\Shares\\Finance\\~$Budget ${year}.xlsx`),
          locked(`D:\\Shares\\Projects\\${project}\\Thumbs.db`),
          { ...locked("D:\\Shares\\Accounts\\Sage\\COMPANY.000\\ACCDATA\\QUEUES.DTA"), message: `${lockedWindows} (Sage is open on a workstation)` },
        ];
      }
      return [
        { path: `/srv/samba/finance/~$Budget ${year}.xlsx`, message: "skipped: file is locked by a Samba client", reason: "locked by a Samba client" },
        lock(`/srv/samba/projects/${project}/.~lock.Programme.ods#`),
        changed(`/srv/samba/projects/${project}/Site survey.mp4`),
      ];
    case "mail":
      return [
        changed(`/var/vmail/${domain}/${u}/Maildir/dovecot.index.log`),
        lock(`/var/vmail/${domain}/${u}/Maildir/dovecot-uidlist.lock`),
        changed(`/var/vmail/${domain}/info/Maildir/dovecot.index.cache`),
      ];
    case "database":
      return [
        changed(`/var/backups/postgresql/${account.user}_app.dump.partial`),
        { path: "/etc/postgresql/16/main/server.key", message: "permission denied (run the client as root or add it to the ssl-cert group)", reason: "permission denied" },
      ];
    case "nas":
      return [
        { path: "/volume1/shared/@eaDir", message: "skipped: permission denied", reason: "permission denied" },
        changed(`/volume1/shared/Scans/Scan ${year}-${String(random.int(1, 12)).padStart(2, "0")}.pdf`),
        lock(`/volume1/photo/#recycle/.lock`),
      ];
  }
}

export function pickProblemFiles(random: Random, account: AccountPlan, year: number, count: number): FileProblem[] {
  const catalogue = listProblemFiles(account, random, year);
  // A noisy account is the one whose Outlook is always open: its first file shows up every time.
  const [first, ...rest] = catalogue;
  if (account.role === "noisy" && first) return [first, ...random.shuffle(rest).slice(0, count - 1)];
  return random.shuffle(catalogue).slice(0, count);
}

/** An ordinary data file of this machine: the one in flight when a connection drops, or a restored one. */
export function pickDataFile(random: Random, account: AccountPlan, year: number): string {
  const u = account.user;
  const project = random.pick(projectNames);
  const n = random.int(1000, 9999);
  switch (account.kind) {
    case "laptop":
    case "desktop":
      if (account.os === "windows") {
        return random.pick([
          `C:\\Users\\${u}\\Documents\\Clients\\${project}\\Proposal v${random.int(2, 9)}.docx`,
          `C:\\Users\\${u}\\Pictures\\Camera Roll\\IMG_${n}.jpg`,
          `C:\\Users\\${u}\\Videos\\Team meeting ${year}-${String(random.int(1, 12)).padStart(2, "0")}.mp4`,
          `C:\\Users\\${u}\\Documents\\Invoices\\INV-${year}-${n}.pdf`,
        ]);
      }
      if (account.os === "macos") {
        return random.pick([
          `/Users/${u}/Documents/Clients/${project}/Proposal v${random.int(2, 9)}.pages`,
          `/Users/${u}/Pictures/Photos Library.photoslibrary/originals/${random.hex(1).toUpperCase()}/${random.hex(8).toUpperCase()}.heic`,
          `/Users/${u}/Movies/Site visit ${project}.mov`,
        ]);
      }
      return random.pick([`/home/${u}/Documents/${project}/notes.md`, `/home/${u}/Pictures/IMG_${n}.jpg`, `/home/${u}/src/${project.toLowerCase().replace(/ /g, "-")}/.git/objects/pack/pack-${random.hex(40)}.pack`]);
    case "fileserver":
      return account.os === "windows"
        ? random.pick([`D:\\Shares\\Projects\\${project}\\Drawings\\${project} rev ${random.pick(["A", "B", "C", "D"])}.dwg`, `D:\\Shares\\Finance\\${year}\\Ledger ${year}.xlsx`])
        : random.pick([`/srv/samba/projects/${project}/Drawings/${project} rev ${random.pick(["A", "B", "C", "D"])}.dwg`, `/srv/samba/finance/${year}/Ledger ${year}.xlsx`]);
    case "mail":
      return `/var/vmail/${domainOf(account)}/${u}/Maildir/cur/${1_700_000_000 + n * 1000}.M${random.int(100_000, 999_999)}P${random.int(1000, 99_999)}.mail:2,S`;
    case "database":
      return `/var/backups/postgresql/${u}_app.dump`;
    case "nas":
      return `/volume1/photo/${year}/${String(random.int(1, 12)).padStart(2, "0")}/IMG_${n}.HEIC`;
  }
}

export function describeNetworkFailure(random: Random, serverName: string): { message: string; summary: string } {
  const host = `${serverName}.strongroom.demo:443`;
  return random.weighted([
    [{ message: `connection to ${host} lost (ECONNRESET); gave up after 3 retries`, summary: "Network connection lost (ECONNRESET)" }, 0.5],
    [{ message: `no answer from ${host} for 60s (ETIMEDOUT); gave up after 3 retries`, summary: "Network connection timed out (ETIMEDOUT)" }, 0.35],
    [{ message: `connection to ${host} closed during upload (EPIPE)`, summary: "Network connection closed during upload (EPIPE)" }, 0.15],
  ]);
}

export function describeBackupStart(account: AccountPlan, version: string, serverName: string, initial: boolean): string {
  const what = initial ? "First backup" : "Backup";
  const extra = initial ? "; every file is new, so this run takes longer" : "";
  return `${what} of ${account.paths.join(", ")} started on ${account.host} (strongroom ${version}, ${account.osLabel}) to ${serverName}${extra}`;
}

export function describeBackupEnd(snapshotId: string, files: number, scanned: number, added: number, stored: number, ms: number, skipped: number): string {
  const skippedText = skipped > 0 ? `; ${skipped} ${skipped === 1 ? "file" : "files"} skipped` : "";
  return `Snapshot ${snapshotId.slice(0, 8)} saved: ${formatCount(files)} files, ${formatBytes(scanned)} scanned, ${formatBytes(added)} new, ${formatBytes(stored)} stored after deduplication and compression, in ${formatDuration(ms)}${skippedText}`;
}

export function describeBackupSummary(files: number, added: number, stored: number): string {
  return `${formatCount(files)} files backed up: ${formatBytes(added)} new, ${formatBytes(stored)} stored`;
}

export function describeSkippedSummary(problems: FileProblem[]): string {
  const first = problems[0];
  if (!first) return "Completed with warnings";
  const name = first.path.split(/[\\/]/).pop() ?? first.path;
  const count = problems.length === 1 ? "1 file skipped" : `${problems.length} files skipped`;
  return `${count}: ${name} ${first.reason}`;
}

export function describeFailedEnd(ms: number): string {
  return `Backup failed after ${formatDuration(ms)}: no snapshot was written; data already uploaded is reused by the next run`;
}

export function describeQuotaFailure(needed: number, free: number, quota: number): { message: string; summary: string } {
  return {
    message: `quota exceeded: this backup needs about ${formatBytes(needed)} more, but only ${formatBytes(free)} of the ${formatBytes(quota)} quota is free; remove old snapshots or ask your provider for a larger quota`,
    summary: `Quota of ${formatBytes(quota)} exceeded: no snapshot written`,
  };
}

export function describeRestoreStart(snapshotId: string, takenAt: number, files: number, target: string): string {
  return `Restore of snapshot ${snapshotId.slice(0, 8)} (${formatTime(takenAt)}) started: ${formatCount(files)} ${files === 1 ? "file" : "files"} to ${target}`;
}

export function describeCheckEnd(packs: number, indexes: number, readBytes: number | null, ms: number): string {
  const read = readBytes === null ? "" : `, ${formatBytes(readBytes)} of pack data re-hashed`;
  return `No errors found: snapshot manifests, ${formatCount(packs)} packs and ${formatCount(indexes)} index files checked${read}, in ${formatDuration(ms)}`;
}
