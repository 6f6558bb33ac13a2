import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import type { ActivityCursor } from "@/lib/dal/activities/activity-cursor";
import { listActivities, type ActivityFilters } from "@/lib/dal/activities/list-activities";
import type { DalContext } from "@/lib/dal/context";
import { ActivityTable } from "./activity-table";

/** Async widget: one page of activities with its pager; links keep every filter of `params`. */
export async function ActivityResults({ ctx, filters, cursor, params, path }: { ctx: DalContext; filters: ActivityFilters; cursor: ActivityCursor; params: URLSearchParams; path: string }) {
  const page = await listActivities(ctx.db, ctx.actor, filters, cursor);
  const href = (name: "after" | "before", key: string | null) => {
    if (!key) return null;
    const next = new URLSearchParams(params);
    next.delete("after");
    next.delete("before");
    next.set(name, key);
    return `${path}?${next}`;
  };
  if (page.rows.length === 0) {
    const filtered = [...params.keys()].some((k) => !["account", "customer", "reseller", "sort"].includes(k));
    return filtered ? (
      <EmptyState title="No activities match these filters">Widen the date range, tick more statuses or shorten the search text.</EmptyState>
    ) : (
      <EmptyState title="No backups or restores yet">Activities appear here as soon as a Strongroom client runs its first backup.</EmptyState>
    );
  }
  return (
    <>
      <Card>
        <ActivityTable activities={page.rows} showAccount={!filters.accountId} showCustomer={ctx.actor.role !== "customer" && !filters.customerId && !filters.accountId} />
      </Card>
      <KeysetPager previousHref={href("before", page.previous)} nextHref={href("after", page.next)} />
    </>
  );
}
