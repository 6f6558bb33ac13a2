import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { SearchForm } from "@/components/search/search-form";
import { SearchResultList } from "@/components/search/search-result-list";
import { Card } from "@/components/ui/card";
import { CopyLinkButton } from "@/components/ui/copy-link-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { pageContext } from "@/lib/auth/session";
import { listResellers } from "@/lib/dal/resellers/list-resellers";
import { parseSupportSearch, searchPresets } from "@/lib/dal/search/support-search";

export const metadata: Metadata = { title: "Support search" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SupportSearchPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await pageContext("activities.search");
  const params = await searchParams;
  const parsed = parseSupportSearch(params, new Date());
  const resellers = ctx.actor.role === "admin" ? await listResellers(ctx) : null;
  const search = parsed.success ? parsed.search : null;
  return (
    <>
      <PageHeader
        title="Support search"
        description={ctx.actor.role === "admin" ? "Every backup and restore of every reseller's customers, and every line of their logs." : "Every backup and restore of your customers, and every line of their logs."}
      >
        <CopyLinkButton />
      </PageHeader>
      <SearchForm search={search} resellers={resellers} />
      {!parsed.success ? (
        <div data-testid="search-errors" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-700 dark:bg-red-500/10 dark:text-red-400">
          <p className="font-medium">This search cannot run:</p>
          <ul className="mt-1 list-disc pl-5">
            {parsed.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : search?.empty ? (
        <EmptyState title="What are you looking for?">
          Type a file name or an error message, or start from a ready-made search such as{" "}
          <Link className="font-medium text-indigo-600 hover:underline dark:text-indigo-400" href={`/search?${searchPresets[0]?.query}`}>
            every failure in the last 24 hours
          </Link>
          .
        </EmptyState>
      ) : (
        <Suspense key={JSON.stringify(params)} fallback={<Card><TableSkeleton /></Card>}>
          <SearchResultList ctx={ctx} search={search!} params={params} />
        </Suspense>
      )}
    </>
  );
}
