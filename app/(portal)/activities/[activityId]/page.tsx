import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityFigures } from "@/components/activities/activity-figures";
import { ActivityTimeline } from "@/components/activities/activity-timeline";
import { EntryLevelFilter } from "@/components/activities/entry-level-filter";
import { EntrySearchForm } from "@/components/activities/entry-search-form";
import { EntryTable } from "@/components/activities/entry-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { entryLevels } from "@/db/schema/activities";
import { pageContext } from "@/lib/auth/session";
import { fulltextQuery } from "@/lib/dal/activities/fulltext-query";
import { getActivity } from "@/lib/dal/activities/get-activity";
import { getActivityMarkers } from "@/lib/dal/activities/get-activity-markers";
import { listActivityEntries } from "@/lib/dal/activities/list-activity-entries";
import { parseId } from "@/lib/dal/parse-id";

export const metadata: Metadata = { title: "Activity" };

const PAGE_SIZE = 200;
const linkClass = "font-semibold text-indigo-600 hover:underline dark:text-indigo-400";

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ activityId: string }>; searchParams: Promise<{ level?: string; after?: string; q?: string }> }) {
  const ctx = await pageContext("accounts.read");
  const id = parseId((await params).activityId);
  const activity = id === null ? null : await getActivity(ctx, id);
  if (!activity) notFound();
  const query = await searchParams;
  const level = entryLevels.find((l) => l === query.level);
  const afterId = parseId(query.after) ?? undefined;
  const typed = query.q?.trim().slice(0, 200) || undefined;
  // The same rule as the activity search: words of 3 letters or more.
  const qError = typed && fulltextQuery(typed) === null ? "Type a word of at least 3 letters or digits." : undefined;
  const q = qError ? undefined : typed;
  const [entries, markers] = await Promise.all([listActivityEntries(ctx, activity.id, { level, q, afterId, limit: PAGE_SIZE + 1 }), getActivityMarkers(ctx, activity.id)]);
  const hasMore = entries.length > PAGE_SIZE;
  const shown = entries.slice(0, PAGE_SIZE);
  const filtered = Boolean(level || q);
  return (
    <>
      <PageHeader
        title={`${activity.kind[0]?.toUpperCase()}${activity.kind.slice(1)} of ${activity.accountLoginName}`}
        description={
          <>
            Activity {activity.id} of {activity.customerName}
            {activity.clientHost ? ` on ${activity.clientHost}` : ""} ·{" "}
            <Link className={linkClass} href={`/accounts/${activity.accountId}`}>
              account
            </Link>
          </>
        }
      >
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <a className={linkClass} href={`/activities/${activity.id}/log?format=text`} download>
            Download log (text)
          </a>
          <a className={linkClass} href={`/activities/${activity.id}/log?format=jsonl`} download>
            Download log (JSON lines)
          </a>
        </div>
      </PageHeader>
      {activity.summary ? <p className="mb-4 text-sm">{activity.summary}</p> : null}
      <ActivityFigures activity={activity} />
      <ActivityTimeline activity={activity} markers={markers} now={new Date()} />
      <div className="mt-8 mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">Log</h2>
        <div className="flex flex-wrap items-start gap-3">
          <EntrySearchForm activityId={activity.id} q={typed} level={level} error={qError} />
          <EntryLevelFilter activityId={activity.id} current={level} q={q} />
        </div>
      </div>
      {shown.length === 0 ? (
        <EmptyState title={q ? `No ${level ?? ""} entries mention “${q}”`.replace("  ", " ") : level ? `No ${level} entries` : "No log entries"}>
          {filtered ? "Try other words, or another level, to see the rest of the log." : "This run wrote nothing to its log."}
        </EmptyState>
      ) : (
        <Card>
          <EntryTable entries={shown} />
        </Card>
      )}
      {hasMore ? (
        <Link
          className="mt-4 inline-block text-sm font-semibold text-indigo-600 hover:underline dark:text-indigo-400"
          href={`/activities/${activity.id}?${new URLSearchParams({ ...(level ? { level } : {}), ...(q ? { q } : {}), after: String(shown.at(-1)?.id ?? 0) })}`}
        >
          Next {PAGE_SIZE} entries
        </Link>
      ) : null}
    </>
  );
}
