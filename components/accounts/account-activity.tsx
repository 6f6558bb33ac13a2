import Link from "next/link";
import { ActivityTable } from "@/components/activities/activity-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { listActivities } from "@/lib/dal/activities/list-activities";
import type { DalContext } from "@/lib/dal/context";

const RECENT = 20;

/** Async widget: the account's latest activities (the same scoped list as /activities), with a way to the rest. */
export async function AccountActivity({ ctx, accountId }: { ctx: DalContext; accountId: number }) {
  const page = await listActivities(ctx.db, ctx.actor, { accountId, sort: "newest" }, { limit: RECENT });
  if (page.rows.length === 0) {
    return <EmptyState title="No backups or restores yet">Activities appear here as soon as the client runs its first backup with this account.</EmptyState>;
  }
  return (
    <>
      <Card>
        <ActivityTable activities={page.rows} />
      </Card>
      <p className="mt-3 text-sm">
        <Link href={`/activities?account=${accountId}`} className="font-semibold text-indigo-600 hover:underline dark:text-indigo-400">
          {page.next ? "All activity of this account, with filters and search" : "Filter and search this account's activity"}
        </Link>
      </p>
    </>
  );
}
