import Link from "next/link";
import { ActivityStatusBadge } from "@/components/activities/activity-status-badge";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { Table, Tbody, Td, Th } from "@/components/ui/table";
import type { ActivityListRow, EntryMatch } from "@/lib/dal/activities/list-activities";

const levelTones = { info: "gray", warning: "amber", error: "red" } as const;

/**
 * Where a result opens: the activity page, at the matching entry when the text matched one. The
 * activity page pages its log by entry id (`after`), so starting just before the match shows it first.
 */
export function activityHref(activityId: number, match: EntryMatch | null): string {
  if (!match) return `/activities/${activityId}`;
  return `/activities/${activityId}?${new URLSearchParams({ level: match.level, after: String(match.id - 1) })}#entry-${match.id}`;
}

export function SearchResults({ rows }: { rows: ActivityListRow[] }) {
  return (
    <Table aria-label="Search results">
      <thead>
        <tr>
          <Th>Started</Th>
          <Th>Customer / account</Th>
          <Th>Run</Th>
          <Th>What matched</Th>
        </tr>
      </thead>
      <Tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <Td>
              <Link href={activityHref(r.id, r.match)} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                <LocalTime date={r.startedAt} />
              </Link>
            </Td>
            <Td>
              <Link href={`/customers/${r.customerId}`} className="hover:underline">
                {r.customerName}
              </Link>
              <div className="text-xs text-slate-500">
                <Link href={`/accounts/${r.accountId}`} className="hover:underline">
                  {r.accountLoginName}
                </Link>
              </div>
            </Td>
            <Td>
              <div className="flex items-center gap-2">
                <ActivityStatusBadge status={r.status} />
                <span className="text-xs text-slate-500 capitalize">{r.kind}</span>
              </div>
              {r.errorCount + r.warningCount > 0 ? (
                <div className="text-xs text-slate-500">
                  {r.errorCount} errors, {r.warningCount} warnings
                </div>
              ) : null}
            </Td>
            <Td className="max-w-xl whitespace-normal">
              {r.match ? (
                <div>
                  <Badge tone={levelTones[r.match.level]}>{r.match.level}</Badge>
                  {r.match.path ? <span className="ml-2 font-mono text-xs break-all">{r.match.path}</span> : null}
                  <div className="mt-1 text-sm">{r.match.excerpt}</div>
                </div>
              ) : (
                (r.summary ?? <span className="text-slate-500">no summary</span>)
              )}
            </Td>
          </tr>
        ))}
      </Tbody>
    </Table>
  );
}
