import { formatBytes } from "@/lib/format";

type Details = Record<string, unknown>;
const hours = (v: unknown) => (typeof v === "number" ? `every ${v} h` : "no expectation");
const bytes = (v: unknown) => (typeof v === "number" ? formatBytes(v) : "?");

const describers: Record<string, (d: Details) => string> = {
  "account.create": (d) => `Account created with a quota of ${bytes(d.quotaBytes)}`,
  "account.quota.update": (d) => `Quota ${bytes(d.fromBytes)} → ${bytes(d.toBytes)}`,
  "account.interval.update": (d) => `Expected backup ${hours(d.fromHours)} → ${hours(d.toHours)}`,
  "account.suspend": (d) => (typeof d.reason === "string" ? `Suspended: ${d.reason}` : "Suspended"),
  "account.resume": () => "Resumed",
  "account.password.reset": () => "Backup password reset",
  "reseller.create": (d) => `Reseller created${typeof d.firstUserLogin === "string" ? ` with user ${d.firstUserLogin}` : ""}`,
  "reseller.rename": (d) => `Renamed “${String(d.from)}” → “${String(d.to)}”`,
  "reseller.disable": () => "Disabled",
  "reseller.enable": () => "Enabled",
};

/** One line a person reads in the audit trail; unknown actions show their name. */
export function describeAuditEvent(action: string, details: Details): string {
  return describers[action]?.(details) ?? action;
}

/** Who: a portal user's name, or the tool and OS user for the admin CLI and daemons. */
export function describeAuditActor(actorName: string | null, details: Details): string {
  if (actorName) return actorName;
  if (typeof details.actor === "string") return typeof details.osUser === "string" ? `${details.actor} (${details.osUser})` : details.actor;
  return "system";
}
