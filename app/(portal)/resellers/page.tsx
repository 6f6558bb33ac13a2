import type { Metadata } from "next";
import { CreateResellerForm } from "@/components/resellers/create-reseller-form";
import { ResellerTable } from "@/components/resellers/reseller-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { pageContext } from "@/lib/auth/session";
import { listResellers } from "@/lib/dal/resellers/list-resellers";

export const metadata: Metadata = { title: "Resellers" };

export default async function ResellersPage() {
  const ctx = await pageContext("resellers.read");
  const resellers = await listResellers(ctx);
  return (
    <>
      <PageHeader title="Resellers" description="Every reseller on this installation and the size of its tenant." />
      {can(ctx.actor.role, "resellers.create") ? (
        <details className="mb-6 rounded-lg bg-white ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
          <summary className="cursor-pointer px-4 py-3 text-sm font-semibold">New reseller</summary>
          <CreateResellerForm />
        </details>
      ) : null}
      {resellers.length === 0 ? (
        <EmptyState title="No resellers yet">Create the first reseller above to start onboarding customers.</EmptyState>
      ) : (
        <Card>
          <ResellerTable resellers={resellers} />
        </Card>
      )}
    </>
  );
}
