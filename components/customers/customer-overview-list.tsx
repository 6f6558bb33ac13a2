import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import type { DalContext } from "@/lib/dal/context";
import { customerFiltersQuery, type CustomerFilters } from "@/lib/dal/customers/customer-filters";
import { listCustomerOverview } from "@/lib/dal/customers/list-customer-overview";
import { CustomerOverviewTable } from "./customer-overview-table";

const filtered = (f: CustomerFilters) => Boolean(f.q || f.health.length || f.minUsagePercent !== undefined || f.resellerId !== undefined);

/** Async widget: streams in behind its own Suspense boundary. */
export async function CustomerOverviewList({ ctx, filters }: { ctx: DalContext; filters: CustomerFilters }) {
  const now = new Date();
  const { rows, total, page, pageSize } = await listCustomerOverview(ctx, filters, { now });
  if (rows.length === 0) {
    return filtered(filters) || page > 1 ? (
      <EmptyState title="No customer matches these filters">Clear a filter, or search for part of a name or login.</EmptyState>
    ) : (
      <EmptyState title="No customers yet">Customers appear here once their first backup account is created.</EmptyState>
    );
  }
  return (
    <>
      <Card>
        <CustomerOverviewTable rows={rows} filters={filters} now={now} showReseller={ctx.actor.role === "admin" && filters.resellerId === undefined} />
      </Card>
      <Pager page={page} pageSize={pageSize} total={total} href={(p) => `/customers${customerFiltersQuery(filters, { page: p })}`} />
    </>
  );
}
