import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import type { DalContext } from "@/lib/dal/context";
import { listSnapshots, type SnapshotCursor } from "@/lib/dal/snapshots/list-snapshots";
import { SnapshotTable } from "./snapshot-table";

/** Async widget: one page of an account's snapshots with its pager. */
export async function SnapshotList({ ctx, accountId, cursor }: { ctx: DalContext; accountId: number; cursor: SnapshotCursor }) {
  const page = await listSnapshots(ctx, accountId, cursor);
  if (page.rows.length === 0) {
    return <EmptyState title="No snapshots yet">A snapshot is saved by every successful backup. Run a backup with this account and it appears here.</EmptyState>;
  }
  const href = (name: string, key: string | null) => (key ? `/accounts/${accountId}/snapshots?${name}=${key}` : null);
  return (
    <>
      <Card>
        <SnapshotTable snapshots={page.rows} />
      </Card>
      <KeysetPager previousHref={href("before", page.previous)} nextHref={href("after", page.next)} />
    </>
  );
}
