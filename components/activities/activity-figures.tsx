import { FactList } from "@/components/ui/dl";
import { dedupRatio } from "@/lib/core/activity/start-activity";
import type { ActivityDetail } from "@/lib/dal/activities/get-activity";
import { formatBytes } from "@/lib/format";
import { ActivityStatusBadge } from "./activity-status-badge";

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** A run's figures: what it read, what was new, what it stored, how fast, how much was already there. */
export function ActivityFigures({ activity: a }: { activity: ActivityDetail }) {
  const ms = a.endedAt ? a.endedAt.getTime() - a.startedAt.getTime() : 0;
  const backup = a.kind === "backup";
  return (
    <FactList
      facts={[
        { label: "Status", value: <ActivityStatusBadge status={a.status} /> },
        { label: "Duration", value: a.endedAt ? formatDuration(ms) : "running" },
        { label: "Speed", value: ms > 0 ? `${formatBytes((a.bytesScanned / ms) * 1000)}/s` : "—" },
        { label: "Files", value: a.filesCount.toLocaleString("en") },
        { label: "Scanned", value: formatBytes(a.bytesScanned) },
        { label: "New", value: formatBytes(a.bytesNew) },
        { label: "Stored", value: formatBytes(a.bytesStored) },
        {
          label: "Dedup",
          value: backup && a.bytesScanned > 0 ? <span title="Share of the scanned bytes the repository already held">{Math.round(dedupRatio(a.bytesScanned, a.bytesNew) * 100)}% already stored</span> : "—",
        },
        { label: "Errors", value: a.errorCount.toLocaleString("en") },
        { label: "Warnings", value: a.warningCount.toLocaleString("en") },
      ]}
    />
  );
}
