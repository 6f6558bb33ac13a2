import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { DalContext } from "@/lib/dal/context";
import { listCustomers } from "@/lib/dal/customers/list-customers";
import { CustomerTable } from "./customer-table";

/** Async widget: streams in behind its own Suspense boundary. */
export async function CustomerList({ ctx, resellerId }: { ctx: DalContext; resellerId?: number }) {
  const customers = await listCustomers(ctx, { resellerId });
  if (customers.length === 0) return <EmptyState title="No customers yet">Customers appear here once their first backup account is created.</EmptyState>;
  return (
    <Card>
      <CustomerTable customers={customers} showReseller={ctx.actor.role === "admin" && resellerId === undefined} />
    </Card>
  );
}
