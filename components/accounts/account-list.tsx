import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { listAccounts } from "@/lib/dal/accounts/list-accounts";
import type { DalContext } from "@/lib/dal/context";
import { AccountTable } from "./account-table";

/** Async widget: streams in behind its own Suspense boundary. */
export async function AccountList({ ctx, customerUserId, emptyHint }: { ctx: DalContext; customerUserId?: number; emptyHint: string }) {
  const accounts = await listAccounts(ctx, { customerUserId });
  if (accounts.length === 0) return <EmptyState title="No backup accounts yet">{emptyHint}</EmptyState>;
  return (
    <Card>
      <AccountTable accounts={accounts} now={new Date()} showCustomer={ctx.actor.role !== "customer" && customerUserId === undefined} />
    </Card>
  );
}
