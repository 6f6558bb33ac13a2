import type { Metadata } from "next";
import { Suspense } from "react";
import { AccountList } from "@/components/accounts/account-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { pageContext } from "@/lib/auth/session";

export const metadata: Metadata = { title: "My backups" };

export default async function MyBackupsPage() {
  const ctx = await pageContext("backups.own.read");
  return (
    <>
      <PageHeader title="My backups" description="Your backup accounts and how their latest runs went." />
      <Suspense fallback={<Card><TableSkeleton /></Card>}>
        <AccountList ctx={ctx} emptyHint="Install the Strongroom client and sign it in with the account your provider gave you." />
      </Suspense>
    </>
  );
}
