import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ActivityFilterForm } from "@/components/activities/activity-filter-form";
import { ActivityResults } from "@/components/activities/activity-results";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { pageContext } from "@/lib/auth/session";
import { getAccount } from "@/lib/dal/accounts/get-account";
import { parseActivityCursor, parseActivityFilters } from "@/lib/dal/activities/list-activities";

export const metadata: Metadata = { title: "Activity" };

type SearchParams = Record<string, string | string[] | undefined>;

function toParams(query: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const value of [v].flat()) if (value) params.append(k, value);
  return params;
}

const descriptions = {
  customer: "Every backup, restore and check of your accounts.",
  reseller: "Every backup, restore and check of your customers' accounts.",
  admin: "Every backup, restore and check across all resellers.",
};

export default async function ActivitiesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await pageContext("accounts.read");
  const params = toParams(await searchParams);
  const filters = parseActivityFilters(params);
  const cursor = parseActivityCursor(params);
  const errors = [...(filters.success ? [] : filters.errors), ...(cursor.success ? [] : cursor.errors)];
  // A link to one account's activity: an account outside the actor's tenant is a 404, as on its own page.
  const account = filters.success && filters.filters.accountId ? await getAccount(ctx, filters.filters.accountId) : null;
  if (filters.success && filters.filters.accountId && !account) notFound();
  const raw = Object.fromEntries([...params.keys()].map((k) => [k, params.getAll(k).at(-1)]));
  const statuses = params.getAll("status").flatMap((s) => s.split(","));
  return (
    <>
      <PageHeader
        title={account ? `Activity of ${account.loginName}` : "Activity"}
        description={account ? `Every backup, restore and check of this account of ${account.customerName}.` : descriptions[ctx.actor.role]}
      />
      <ActivityFilterForm action="/activities" raw={raw} statuses={statuses} />
      {errors.length > 0 || !filters.success || !cursor.success ? (
        <div role="status" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-800 dark:border-red-500/40 dark:bg-red-500/10 dark:text-red-300">
          <p className="font-semibold">These filters cannot be used:</p>
          <ul className="mt-1 list-disc pl-5">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : (
        <Suspense key={params.toString()} fallback={<Card><TableSkeleton rows={10} /></Card>}>
          <ActivityResults ctx={ctx} filters={filters.filters} cursor={cursor.cursor} params={params} path="/activities" />
        </Suspense>
      )}
    </>
  );
}
