import type { Metadata } from "next";
import { Suspense } from "react";
import { CustomerList } from "@/components/customers/customer-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { pageContext } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage() {
  const ctx = await pageContext("customers.read");
  return (
    <>
      <PageHeader title="Customers" description={ctx.actor.role === "admin" ? "Every customer of every reseller." : "The customers you support."} />
      <Suspense fallback={<Card><TableSkeleton /></Card>}>
        <CustomerList ctx={ctx} />
      </Suspense>
    </>
  );
}
