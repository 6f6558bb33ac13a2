import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AccountActivity } from "@/components/accounts/account-activity";
import { AccountSettings } from "@/components/accounts/account-settings";
import { AccountStatusBadge } from "@/components/accounts/account-status-badge";
import { AuditSection } from "@/components/audit/audit-section";
import { Card } from "@/components/ui/card";
import { FactList } from "@/components/ui/dl";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { can } from "@/lib/auth/permissions";
import { pageContext } from "@/lib/auth/session";
import { getAccount } from "@/lib/dal/accounts/get-account";
import { parseId } from "@/lib/dal/parse-id";
import { formatBytes, formatPercent } from "@/lib/format";
import { PageSection } from "@/components/ui/page-section";

export const metadata: Metadata = { title: "Backup account" };

export default async function AccountPage({ params }: { params: Promise<{ accountId: string }> }) {
  const ctx = await pageContext("accounts.read");
  const id = parseId((await params).accountId);
  const account = id === null ? null : await getAccount(ctx, id);
  if (!account) notFound();
  return (
    <>
      <PageHeader title={account.loginName} description={`Backup account of ${account.customerName}, stored on ${account.deviceName}.`} />
      <FactList
        facts={[
          { label: "Status", value: <AccountStatusBadge status={account.status} /> },
          { label: "Used", value: formatBytes(account.usedBytes) },
          { label: "Quota", value: `${formatBytes(account.quotaBytes)} (${formatPercent(account.usedBytes, account.quotaBytes)} used)` },
          { label: "Expected backup", value: account.expectedIntervalHours ? `every ${account.expectedIntervalHours} h` : "not set" },
        ]}
      />
      {can(ctx.actor.role, "accounts.quota.update") ? (
        <PageSection id="settings" title="Settings">
          <AccountSettings account={account} />
        </PageSection>
      ) : null}
      <div className="mt-8 mb-3 flex flex-wrap items-baseline justify-between gap-3">
        <h2 className="text-lg font-semibold">Recent activity</h2>
        <Link href={`/accounts/${account.id}/snapshots`} className="text-sm font-semibold text-indigo-600 hover:underline dark:text-indigo-400">
          Snapshots
        </Link>
      </div>
      <Suspense fallback={<Card><TableSkeleton /></Card>}>
        <AccountActivity ctx={ctx} accountId={account.id} />
      </Suspense>
      {can(ctx.actor.role, "audit.read") ? (
        <AuditSection ctx={ctx} target={{ type: "account", id: account.id }} />
      ) : null}
    </>
  );
}
