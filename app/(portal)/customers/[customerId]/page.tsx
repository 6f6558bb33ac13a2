import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { BackupDashboard } from "@/components/dashboard/backup-dashboard";
import { CustomerRecentActivity } from "@/components/customers/customer-recent-activity";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { pageContext } from "@/lib/auth/session";
import { getCustomer } from "@/lib/dal/customers/get-customer";
import { parseId } from "@/lib/dal/parse-id";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const ctx = await pageContext("customers.read");
  const id = parseId((await params).customerId);
  const customer = id === null ? null : await getCustomer(ctx, id);
  if (!customer) notFound();
  return (
    <>
      <PageHeader title={customer.name} description={`${customer.login} · served by ${customer.resellerName}${customer.disabled ? " · disabled" : ""}`} />
      <Suspense fallback={<Card><TableSkeleton /></Card>}>
        <BackupDashboard ctx={ctx} customerUserId={customer.id} />
      </Suspense>
      <h2 className="mt-8 mb-3 text-lg font-semibold">Recent activity</h2>
      <Suspense fallback={<Card><TableSkeleton /></Card>}>
        <CustomerRecentActivity ctx={ctx} customerId={customer.id} />
      </Suspense>
    </>
  );
}
