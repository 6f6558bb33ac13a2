import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { SnapshotList } from "@/components/snapshots/snapshot-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { pageContext } from "@/lib/auth/session";
import { getAccount } from "@/lib/dal/accounts/get-account";
import { parseId } from "@/lib/dal/parse-id";
import { decodeTimeKey } from "@/lib/dal/time-key";

export const metadata: Metadata = { title: "Snapshots" };

type SearchParams = { after?: string; before?: string };

export default async function SnapshotsPage({ params, searchParams }: { params: Promise<{ accountId: string }>; searchParams: Promise<SearchParams> }) {
  const ctx = await pageContext("accounts.read");
  const id = parseId((await params).accountId);
  const account = id === null ? null : await getAccount(ctx, id);
  if (!account) notFound();
  const query = await searchParams;
  const cursor = { after: decodeTimeKey(query.after) ?? undefined, before: decodeTimeKey(query.before) ?? undefined };
  return (
    <>
      <PageHeader
        title={`Snapshots of ${account.loginName}`}
        description={
          <>
            Every snapshot saved in this account&apos;s repository, newest first.{" "}
            <Link href={`/accounts/${account.id}`} className="font-semibold text-indigo-600 hover:underline dark:text-indigo-400">
              Back to the account
            </Link>
          </>
        }
      />
      <Suspense key={`${query.after}-${query.before}`} fallback={<Card><TableSkeleton rows={10} /></Card>}>
        <SnapshotList ctx={ctx} accountId={account.id} cursor={cursor} />
      </Suspense>
    </>
  );
}
