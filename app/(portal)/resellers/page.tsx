import type { Metadata } from "next";
import { ResellerTable } from "@/components/resellers/reseller-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { pageContext } from "@/lib/auth/session";
import { listResellers } from "@/lib/dal/resellers/list-resellers";

export const metadata: Metadata = { title: "Resellers" };

export default async function ResellersPage() {
  const ctx = await pageContext("resellers.read");
  const resellers = await listResellers(ctx);
  return (
    <>
      <PageHeader title="Resellers" description="Every reseller on this installation and the size of its tenant." />
      {resellers.length === 0 ? (
        <EmptyState title="No resellers yet">Create a reseller with the admin CLI to start onboarding customers.</EmptyState>
      ) : (
        <Card>
          <ResellerTable resellers={resellers} />
        </Card>
      )}
    </>
  );
}
