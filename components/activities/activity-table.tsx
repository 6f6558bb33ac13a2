import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { Table, Tbody, Td, Th } from "@/components/ui/table";
import type { AccountDetail } from "@/lib/dal/accounts/get-account";
import { formatBytes } from "@/lib/format";
import { ActivityStatusBadge } from "./activity-status-badge";

export function ActivityTable({ activities }: { activities: AccountDetail["recentActivities"] }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Started</Th>
          <Th>Kind</Th>
          <Th>Status</Th>
          <Th>Files</Th>
          <Th>Scanned</Th>
          <Th>New</Th>
          <Th>Errors</Th>
          <Th>Summary</Th>
        </tr>
      </thead>
      <Tbody>
        {activities.map((a) => (
          <tr key={a.id}>
            <Td>
              <Link href={`/activities/${a.id}`} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                <LocalTime date={a.startedAt} />
              </Link>
            </Td>
            <Td className="capitalize">{a.kind}</Td>
            <Td>
              <ActivityStatusBadge status={a.status} />
            </Td>
            <Td>{a.filesCount.toLocaleString("en")}</Td>
            <Td>{formatBytes(a.bytesScanned)}</Td>
            <Td>{formatBytes(a.bytesNew)}</Td>
            <Td>{a.errorCount}</Td>
            <Td className="max-w-md truncate whitespace-normal">{a.summary ?? ""}</Td>
          </tr>
        ))}
      </Tbody>
    </Table>
  );
}
