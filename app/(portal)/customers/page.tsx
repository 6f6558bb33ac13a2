import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { CustomerFilterForm } from "@/components/customers/customer-filter-form";
import { CustomerOverviewList } from "@/components/customers/customer-overview-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { pageContext } from "@/lib/auth/session";
import { customerFiltersQuery, parseCustomerFilters } from "@/lib/dal/customers/customer-filters";
import { listResellers } from "@/lib/dal/resellers/list-resellers";

export const metadata: Metadata = { title: "Customers" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CustomersPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await pageContext("customers.read");
  const { filters, problems } = parseCustomerFilters(await searchParams);
  const isAdmin = ctx.actor.role === "admin";
  const resellers = isAdmin ? await listResellers(ctx) : null;
  return (
    <>
      <PageHeader title="Customers" description={isAdmin ? "Every customer of every reseller, worst health first." : "The customers you support, worst health first."}>
        <Link
          href={`/customers/export.csv${customerFiltersQuery({ ...filters, page: 1 })}`}
          className="text-sm font-semibold text-indigo-600 hover:underline dark:text-indigo-400"
          prefetch={false}
          download
        >
          Export CSV
        </Link>
      </PageHeader>
      <CustomerFilterForm filters={filters} resellers={resellers} />
      {problems.length > 0 ? (
        <ul data-testid="filter-problems" className="mb-4 rounded-md bg-amber-50 px-4 py-2 text-sm text-amber-800 dark:bg-amber-500/10 dark:text-amber-300">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <Suspense key={customerFiltersQuery(filters)} fallback={<Card><TableSkeleton /></Card>}>
        <CustomerOverviewList ctx={ctx} filters={filters} />
      </Suspense>
    </>
  );
}
