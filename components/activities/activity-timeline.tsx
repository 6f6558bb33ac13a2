import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { LocalTime } from "@/components/ui/local-time";
import type { ActivityDetail } from "@/lib/dal/activities/get-activity";
import type { ActivityMarker } from "@/lib/dal/activities/get-activity-markers";
import { PageSection } from "@/components/ui/page-section";

const markerClass = { error: "bg-red-600", warning: "bg-amber-500" } as const;

/**
 * Start, the first warning and first error, and the end of a run on one line, each marker a link to
 * its log line. A running activity ends at `now`.
 */
export function ActivityTimeline({ activity: a, markers, now }: { activity: ActivityDetail; markers: ActivityMarker[]; now: Date }) {
  const start = a.startedAt.getTime();
  const end = (a.endedAt ?? now).getTime();
  const span = Math.max(end - start, 1);
  const position = (at: Date) => `${Math.min(100, Math.max(0, ((at.getTime() - start) / span) * 100)).toFixed(1)}%`;
  const events = [
    { key: "start", label: "Started", at: a.startedAt, href: null as string | null, tone: "bg-slate-500" },
    ...markers.map((m) => ({ key: m.level, label: `First ${m.level}${m.path ? ` (${m.path})` : ""}`, at: m.at, href: `/activities/${a.id}?after=${m.entryId - 1}#entry-${m.entryId}`, tone: markerClass[m.level] })),
    { key: "end", label: a.endedAt ? `Ended: ${a.status}` : "Still running", at: a.endedAt ?? now, href: null, tone: a.status === "success" ? "bg-emerald-500" : a.status === "running" ? "bg-sky-500" : a.status === "warning" ? "bg-amber-500" : "bg-red-600" },
  ].sort((x, y) => x.at.getTime() - y.at.getTime());
  return (
    <PageSection id="timeline" title="Timeline">
      <div className="relative mx-2 h-3 rounded-full bg-slate-200 dark:bg-slate-700" aria-hidden>
        {events.map((e) => (
          <span key={e.key} className={cn("absolute top-1/2 size-3 -translate-x-1/2 -translate-y-1/2 rounded-full ring-2 ring-white dark:ring-slate-950", e.tone)} style={{ left: position(e.at) }} />
        ))}
      </div>
      <ol className="mt-3 grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
        {events.map((e) => (
          <li key={e.key} className="flex min-w-0 items-center gap-2">
            <span className={cn("size-2.5 shrink-0 rounded-full", e.tone)} aria-hidden />
            <span className="truncate">
              {e.href ? (
                <Link href={e.href} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                  {e.label}
                </Link>
              ) : (
                <span className="font-medium">{e.label}</span>
              )}{" "}
              <span className="text-slate-500">
                <LocalTime date={e.at} />
              </span>
            </span>
          </li>
        ))}
      </ol>
    </PageSection>
  );
}
