import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { Table, Tbody, Td, Th } from "@/components/ui/table";
import type { AuditEntry } from "@/lib/dal/audit/list-audit-events";
import { describeAuditActor, describeAuditEvent } from "./describe-audit-event";

/** Who changed what, when, and from where: newest first. */
export function AuditTrail({ events }: { events: AuditEntry[] }) {
  if (events.length === 0) return <EmptyState title="No changes recorded">Changes to settings, made here or with the admin CLI, are listed here.</EmptyState>;
  return (
    <Card>
      <Table aria-label="Audit trail">
        <thead>
          <tr>
            <Th>When</Th>
            <Th>Who</Th>
            <Th>Change</Th>
            <Th>From address</Th>
          </tr>
        </thead>
        <Tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <Td>
                <LocalTime date={e.at} />
              </Td>
              <Td>{describeAuditActor(e.actorName, e.details)}</Td>
              <Td className="whitespace-normal">{describeAuditEvent(e.action, e.details)}</Td>
              <Td className="font-mono text-xs">{e.ip ?? "—"}</Td>
            </tr>
          ))}
        </Tbody>
      </Table>
    </Card>
  );
}
