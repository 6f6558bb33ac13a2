import type { BenchAccount } from "./generate-tenants";

// The words of the generated logs. Each choice is a hash of the activity's index, so the summary
// written with the activity and the entries written later name the same file and the same cause.
// Two words are planted on purpose for the support search: "Outlook" is common (most Windows
// warnings), "QuickBooks" is rare (about one Windows warning run in 2,000).

export const RARE_TERM = "QuickBooks";
export const COMMON_TERM = "Outlook";

/** A 32-bit integer hash (lowbias32): cheap, and different salts give independent choices. */
export function hash32(n: number, salt: number): number {
  let x = (n ^ Math.imul(salt, 0x9e3779b9)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

export interface FileProblem {
  path: string;
  message: string;
}

const locked = "skipped: the file is locked by another process";
const changed = "file changed while it was being read; the earlier version is kept and it is read again next run";

function problemCatalogue(a: BenchAccount): FileProblem[] {
  const u = a.user;
  if (a.windows && (a.kind === "laptop" || a.kind === "desktop")) {
    return [
      { path: `C:\\Users\\${u}\\Documents\\Outlook Files\\Outlook.pst`, message: `${locked} (is Outlook running?)` },
      { path: `C:\\Users\\${u}\\Documents\\Outlook.pst`, message: "read error: the process cannot access the file because another process has locked a portion of the file" },
      { path: `C:\\Users\\${u}\\AppData\\Local\\Microsoft\\Outlook\\${u}.ost`, message: `${locked} (is Outlook running?)` },
      { path: `C:\\Users\\${u}\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Network\\Cookies`, message: locked },
      { path: `C:\\Users\\${u}\\OneDrive\\Shared\\drawings.pdf`, message: "skipped: online-only OneDrive file (not downloaded to this computer)" },
    ];
  }
  if (a.windows) {
    return [
      { path: `D:\\Shares\\Finance\\~$Budget.xlsx`, message: locked },
      { path: `D:\\Shares\\Projects\\Thumbs.db`, message: locked },
      { path: "D:\\Shares\\Accounts\\Sage\\COMPANY.000\\ACCDATA\\QUEUES.DTA", message: `${locked} (Sage is open on a workstation)` },
    ];
  }
  switch (a.kind) {
    case "mail":
      return [{ path: `/var/vmail/${u}/Maildir/dovecot.index.log`, message: changed }, { path: `/var/vmail/${u}/Maildir/dovecot-uidlist.lock`, message: "skipped: lock file held by another process" }];
    case "db":
      return [{ path: `/var/backups/postgresql/${u}_app.dump.partial`, message: changed }, { path: "/etc/postgresql/16/main/server.key", message: "permission denied (run the client as root)" }];
    case "nas":
      return [{ path: "/volume1/shared/@eaDir", message: "skipped: permission denied" }, { path: "/volume1/photo/#recycle/.lock", message: "skipped: lock file held by another process" }];
    default:
      return [{ path: `/home/${u}/.mozilla/firefox/default-release/lock`, message: "skipped: lock file held by another process" }, { path: `/home/${u}/.config/Slack/Cookies-journal`, message: changed }];
  }
}

const catalogues = new WeakMap<BenchAccount, FileProblem[]>();

/** The nth file this run could not read (n from 0). */
export function fileProblem(a: BenchAccount, activityIndex: number, n: number): FileProblem {
  let list = catalogues.get(a);
  if (!list) catalogues.set(a, (list = problemCatalogue(a)));
  if (n === 0 && a.windows && hash32(activityIndex, 7) % 2_000 === 0) {
    return { path: `C:\\Users\\${a.user}\\Documents\\${RARE_TERM}\\Company File.qbw`, message: `${locked} (${RARE_TERM} Database Server Manager)` };
  }
  return list[(hash32(activityIndex, 3) + n) % list.length]!;
}

const causes = [
  "connection to the backup server lost: ECONNRESET",
  "repository is locked by another backup of this account",
  "quota exceeded: the account is over its storage quota",
  "the backup source is unavailable (volume not mounted)",
  "TLS handshake failed: certificate has expired",
];

/** Why a failed run failed (its first error line and its summary). */
export function failureCause(activityIndex: number): string {
  return causes[hash32(activityIndex, 11) % causes.length]!;
}

/** Home or share the account backs up, for the first line of a backup. */
export function sourceRoot(a: BenchAccount): string {
  if (a.windows) return a.kind === "fileserver" ? "D:\\Shares" : `C:\\Users\\${a.user}`;
  return a.kind === "mail" ? "/var/vmail" : a.kind === "db" ? "/var/backups" : a.kind === "nas" ? "/volume1" : `/home/${a.user}`;
}

/** A file under the source root, for verbose runs' info lines (skipped by pattern, new files). */
const folders = ["Projects", "Invoices", "Photos", "Scans", "Reports", "Archive"];
const extensions = ["docx", "pdf", "jpg", "xlsx", "tmp", "log"];

export function ordinaryFile(a: BenchAccount, activityIndex: number, n: number): string {
  const k = hash32(activityIndex * 131 + n, 5);
  const sep = a.windows ? "\\" : "/";
  const folder = folders[k % folders.length]!;
  return `${sourceRoot(a)}${sep}${folder}${sep}${folder.toLowerCase()}-${k % 9973}.${extensions[(k >>> 3) % extensions.length]}`;
}
