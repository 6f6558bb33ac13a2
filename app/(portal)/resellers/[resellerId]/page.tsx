import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AuditSection } from "@/components/audit/audit-section";
import { CustomerOverviewList } from "@/components/customers/customer-overview-list";
import { ResellerSettings } from "@/components/resellers/reseller-settings";
import { Card } from "@/components/ui/card";
import { FactList } from "@/components/ui/dl";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { pageContext } from "@/lib/auth/session";
import { defaultCustomerFilters } from "@/lib/dal/customers/customer-filters";
import { parseId } from "@/lib/dal/parse-id";
import { getReseller } from "@/lib/dal/resellers/get-reseller";
import { formatBytes } from "@/lib/format";
import { PageSection } from "@/components/ui/page-section";

export const metadata: Metadata = { title: "Reseller" };

export default async function ResellerPage({ params }: { params: Promise<{ resellerId: string }> }) {
  const ctx = await pageContext("resellers.read");
  const id = parseId((await params).resellerId);
  const reseller = id === null ? null : await getReseller(ctx, id);
  if (!reseller) notFound();
  return (
    <>
      <PageHeader title={reseller.name} description={reseller.disabled ? "Disabled: its users cannot sign in." : "Active reseller."} />
      <FactList
        facts={[
          { label: "Customers", value: reseller.customers },
          { label: "Accounts", value: reseller.accounts },
          { label: "Storage used", value: formatBytes(reseller.usedBytes) },
          { label: "Status", value: reseller.disabled ? "disabled" : "active" },
        ]}
      />
      <PageSection id="settings" title="Settings">
        <ResellerSettings reseller={reseller} />
      </PageSection>
      <h2 className="mt-8 mb-3 text-lg font-semibold">Customers</h2>
      <Suspense fallback={<Card><TableSkeleton /></Card>}>
        <CustomerOverviewList ctx={ctx} filters={{ ...defaultCustomerFilters, resellerId: reseller.id }} />
      </Suspense>
      <AuditSection ctx={ctx} target={{ type: "reseller", id: reseller.id }} />
    </>
  );
}
