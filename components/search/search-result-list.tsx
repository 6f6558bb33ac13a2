import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { DalContext } from "@/lib/dal/context";
import { listActivities } from "@/lib/dal/activities/list-activities";
import type { SupportSearch } from "@/lib/dal/search/support-search";
import { SearchResults } from "./search-results";

const linkClass = "rounded-md px-3 py-1.5 text-sm font-semibold text-indigo-600 ring-1 ring-slate-200 hover:bg-slate-50 dark:text-indigo-400 dark:ring-slate-700 dark:hover:bg-slate-800";

/** The same search on the page before or after: every parameter kept, the page key replaced. */
function pageHref(params: Record<string, string | string[] | undefined>, key: "after" | "before", value: string): string {
  const query = new URLSearchParams();
  for (const [name, v] of Object.entries(params)) {
    if (name === "after" || name === "before") continue;
    for (const one of [v].flat()) if (one !== undefined) query.append(name, one);
  }
  query.set(key, value);
  return `/search?${query}`;
}

/** Async widget: one page of results from the activity list's query, streamed in on its own. */
export async function SearchResultList({ ctx, search, params }: { ctx: DalContext; search: SupportSearch; params: Record<string, string | string[] | undefined> }) {
  const page = await listActivities(ctx.db, ctx.actor, search.filters, search.cursor);
  if (page.rows.length === 0) {
    return <EmptyState title="Nothing matches this search">Widen the time window, drop a filter, or search for one distinctive word of the message.</EmptyState>;
  }
  return (
    <>
      <Card>
        <SearchResults rows={page.rows} />
      </Card>
      <nav aria-label="Pages" className="mt-4 flex justify-end gap-2">
        {page.previous ? (
          <Link className={linkClass} href={pageHref(params, "before", page.previous)} rel="prev">
            Previous
          </Link>
        ) : null}
        {page.next ? (
          <Link className={linkClass} href={pageHref(params, "after", page.next)} rel="next">
            Next
          </Link>
        ) : null}
      </nav>
    </>
  );
}
