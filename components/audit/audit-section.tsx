import { Suspense } from "react";
import { Card } from "@/components/ui/card";
import { TableSkeleton } from "@/components/ui/skeleton";
import type { DalContext } from "@/lib/dal/context";
import { AuditTrailList } from "./audit-trail-list";
import { PageSection } from "@/components/ui/page-section";

/** The "Audit trail" section of an account's or a reseller's page, streamed in on its own. */
export function AuditSection({ ctx, target }: { ctx: DalContext; target: { type: "account" | "reseller"; id: number } }) {
  return (
    <PageSection id="audit" title="Audit trail">
      <Suspense fallback={<Card><TableSkeleton rows={3} /></Card>}>
        <AuditTrailList ctx={ctx} target={target} />
      </Suspense>
    </PageSection>
  );
}
