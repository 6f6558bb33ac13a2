import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountSettings } from "@/components/accounts/account-settings";
import { AccountStatusBadge } from "@/components/accounts/account-status-badge";
import { AuditSection } from "@/components/audit/audit-section";
import { ActivityTable } from "@/components/activities/activity-table";
import { Card } from "@/components/ui/card";
import { FactList } from "@/components/ui/dl";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { pageContext } from "@/lib/auth/session";
import { getAccount } from "@/lib/dal/accounts/get-account";
import { parseId } from "@/lib/dal/parse-id";
import { formatBytes, formatPercent } from "@/lib/format";

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
        <section aria-labelledby="settings-heading" className="mt-8">
          <h2 id="settings-heading" className="mb-3 text-lg font-semibold">
            Settings
          </h2>
          <AccountSettings account={account} />
        </section>
      ) : null}
      <h2 className="mt-8 mb-3 text-lg font-semibold">Recent activity</h2>
      {account.recentActivities.length === 0 ? (
        <EmptyState title="No backups or restores yet">Activities appear here as soon as the client runs its first backup.</EmptyState>
      ) : (
        <Card>
          <ActivityTable activities={account.recentActivities} />
        </Card>
      )}
      {can(ctx.actor.role, "audit.read") ? (
        <AuditSection ctx={ctx} target={{ type: "account", id: account.id }} />
      ) : null}
    </>
  );
}
