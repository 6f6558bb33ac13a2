import { Suspense } from "react";
import { Card } from "@/components/ui/card";
import { TableSkeleton } from "@/components/ui/skeleton";
import type { DalContext } from "@/lib/dal/context";
import { AuditTrailList } from "./audit-trail-list";

/** The "Audit trail" section of an account's or a reseller's page, streamed in on its own. */
export function AuditSection({ ctx, target }: { ctx: DalContext; target: { type: "account" | "reseller"; id: number } }) {
  return (
    <section aria-labelledby="audit-heading" className="mt-8">
      <h2 id="audit-heading" className="mb-3 text-lg font-semibold">
        Audit trail
      </h2>
      <Suspense fallback={<Card><TableSkeleton rows={3} /></Card>}>
        <AuditTrailList ctx={ctx} target={target} />
      </Suspense>
    </section>
  );
}
