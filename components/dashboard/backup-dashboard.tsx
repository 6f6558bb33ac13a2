import { EmptyState } from "@/components/ui/empty-state";
import type { DalContext } from "@/lib/dal/context";
import { listBackupDashboard } from "@/lib/dal/dashboard/list-backup-dashboard";
import { AccountHealthCard } from "./account-health-card";

/** Async widget: streams in behind its own Suspense boundary. */
export async function BackupDashboard({ ctx, customerUserId }: { ctx: DalContext; customerUserId?: number }) {
  const now = new Date();
  const accounts = await listBackupDashboard(ctx, now, { customerUserId });
  if (accounts.length === 0) {
    return customerUserId === undefined ? (
      <EmptyState title="No backup accounts yet">Ask your provider for a backup account, then install the Strongroom client and sign it in with it.</EmptyState>
    ) : (
      <EmptyState title="No backup accounts yet">This customer has no backup account; create one with the admin CLI.</EmptyState>
    );
  }
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      {accounts.map((a) => (
        <AccountHealthCard key={a.id} account={a} now={now} />
      ))}
    </div>
  );
}
