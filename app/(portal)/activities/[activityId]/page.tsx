import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityStatusBadge } from "@/components/activities/activity-status-badge";
import { EntryLevelFilter } from "@/components/activities/entry-level-filter";
import { EntryTable } from "@/components/activities/entry-table";
import { Card } from "@/components/ui/card";
import { FactList } from "@/components/ui/dl";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { entryLevels } from "@/db/schema/activities";
import { pageContext } from "@/lib/auth/session";
import { getActivity } from "@/lib/dal/activities/get-activity";
import { listActivityEntries } from "@/lib/dal/activities/list-activity-entries";
import { parseId } from "@/lib/dal/parse-id";
import { formatBytes } from "@/lib/format";

export const metadata: Metadata = { title: "Activity" };

const PAGE_SIZE = 200;

function duration(a: { startedAt: Date; endedAt: Date | null }): string {
  if (!a.endedAt) return "running";
  const s = Math.round((a.endedAt.getTime() - a.startedAt.getTime()) / 1000);
  return s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ activityId: string }>; searchParams: Promise<{ level?: string; after?: string }> }) {
  const ctx = await pageContext("accounts.read");
  const id = parseId((await params).activityId);
  const activity = id === null ? null : await getActivity(ctx, id);
  if (!activity) notFound();
  const query = await searchParams;
  const level = entryLevels.find((l) => l === query.level);
  const afterId = parseId(query.after) ?? undefined;
  const entries = await listActivityEntries(ctx, activity.id, { level, afterId, limit: PAGE_SIZE + 1 });
  const hasMore = entries.length > PAGE_SIZE;
  const shown = entries.slice(0, PAGE_SIZE);
  const seconds = activity.endedAt ? (activity.endedAt.getTime() - activity.startedAt.getTime()) / 1000 : 0;
  return (
    <>
      <PageHeader
        title={`${activity.kind[0]?.toUpperCase()}${activity.kind.slice(1)} of ${activity.accountLoginName}`}
        description={<>Activity {activity.id} of {activity.customerName}{activity.clientHost ? ` on ${activity.clientHost}` : ""}</>}
      >
        <div className="flex gap-2 text-sm">
          <Link className="font-semibold text-indigo-600 hover:underline dark:text-indigo-400" href={`/activities/${activity.id}/log?format=text`}>
            Download log (text)
          </Link>
          <Link className="font-semibold text-indigo-600 hover:underline dark:text-indigo-400" href={`/activities/${activity.id}/log?format=jsonl`}>
            Download log (JSON lines)
          </Link>
        </div>
      </PageHeader>
      {activity.summary ? <p className="mb-4 text-sm">{activity.summary}</p> : null}
      <FactList
        facts={[
          { label: "Status", value: <ActivityStatusBadge status={activity.status} /> },
          { label: "Duration", value: duration(activity) },
          { label: "Files", value: activity.filesCount.toLocaleString("en") },
          { label: "Scanned", value: formatBytes(activity.bytesScanned) },
          { label: "New", value: formatBytes(activity.bytesNew) },
          { label: "Stored", value: formatBytes(activity.bytesStored) },
          { label: "Speed", value: seconds > 0 ? `${formatBytes(activity.bytesScanned / seconds)}/s` : "—" },
          { label: "Errors / warnings", value: `${activity.errorCount} / ${activity.warningCount}` },
        ]}
      />
      <div className="mt-8 mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">Log</h2>
        <EntryLevelFilter activityId={activity.id} current={level} />
      </div>
      {shown.length === 0 ? (
        <EmptyState title={level ? `No ${level} entries` : "No log entries"}>{level ? "Pick another level to see the rest of the log." : "This run wrote nothing to its log."}</EmptyState>
      ) : (
        <Card>
          <EntryTable entries={shown} />
        </Card>
      )}
      {hasMore ? (
        <Link
          className="mt-4 inline-block text-sm font-semibold text-indigo-600 hover:underline dark:text-indigo-400"
          href={`/activities/${activity.id}?${new URLSearchParams({ ...(level ? { level } : {}), after: String(shown.at(-1)?.id ?? 0) })}`}
        >
          Next {PAGE_SIZE} entries
        </Link>
      ) : null}
    </>
  );
}
