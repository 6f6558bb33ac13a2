import { listAuditEvents } from "@/lib/dal/audit/list-audit-events";
import type { DalContext } from "@/lib/dal/context";
import { AuditTrail } from "./audit-trail";

/** Async widget: the audit trail of one account or reseller, streamed behind its own Suspense boundary. */
export async function AuditTrailList({ ctx, target }: { ctx: DalContext; target: { type: "account" | "reseller"; id: number } }) {
  return <AuditTrail events={await listAuditEvents(ctx, target)} />;
}
