import Link from "next/link";
import { SearchResults } from "@/components/search/search-results";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { listActivities } from "@/lib/dal/activities/list-activities";
import type { DalContext } from "@/lib/dal/context";

/** Async widget: a customer's latest runs across its accounts, from the activity list's query. */
export async function CustomerRecentActivity({ ctx, customerId }: { ctx: DalContext; customerId: number }) {
  const { rows } = await listActivities(ctx.db, ctx.actor, { customerId, sort: "newest" }, { limit: 20 });
  if (rows.length === 0) return <EmptyState title="No backups or restores yet">Runs appear here as soon as one of the customer&apos;s clients backs up.</EmptyState>;
  return (
    <>
      <Card>
        <SearchResults rows={rows} />
      </Card>
      <Link href={`/search?customer=${customerId}&since=30d`} className="mt-3 inline-block text-sm font-semibold text-indigo-600 hover:underline dark:text-indigo-400">
        Search all of this customer&apos;s logs
      </Link>
    </>
  );
}
