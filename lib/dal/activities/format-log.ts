import type { ActivityDetail } from "./get-activity";
import type { EntryRow } from "./list-activity-entries";

// The two download formats of an activity's log: plain text for people, JSON lines for tools.

export function logHeaderText(a: ActivityDetail): string {
  const lines = [
    `Strongroom ${a.kind} of ${a.accountLoginName} (${a.customerName})`,
    `Activity ${a.id}: ${a.status}`,
    `Started ${a.startedAt.toISOString()}${a.endedAt ? `, ended ${a.endedAt.toISOString()}` : ""}`,
    `Files ${a.filesCount}, scanned ${a.bytesScanned} B, new ${a.bytesNew} B, stored ${a.bytesStored} B, ${a.errorCount} errors, ${a.warningCount} warnings`,
    a.clientHost ? `Client ${a.clientHost}${a.clientVersion ? ` (${a.clientVersion})` : ""}` : null,
    a.snapshotId ? `Snapshot ${a.snapshotId}` : null,
    a.summary ? `Summary: ${a.summary}` : null,
  ];
  return `${lines.filter((l) => l !== null).join("\n")}\n\n`;
}

export function entryText(e: EntryRow): string {
  // One line per entry: a newline inside a message would forge a line of its own.
  const message = e.message.replace(/[\r\n]+/g, " ");
  return `${e.at.toISOString()} ${e.level.toUpperCase().padEnd(7)} ${e.path ? `${e.path}: ` : ""}${message}\n`;
}

export function logHeaderJson(a: ActivityDetail): string {
  return `${JSON.stringify({ type: "activity", ...a })}\n`;
}

export function entryJson(e: EntryRow): string {
  return `${JSON.stringify({ type: "entry", ...e })}\n`;
}
