import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { Table, Tbody, Td, Th } from "@/components/ui/table";
import type { ActivityListRow } from "@/lib/dal/activities/list-activities";
import { formatBytes } from "@/lib/format";
import { ActivityStatusBadge } from "./activity-status-badge";

type Row = Omit<ActivityListRow, "accountId" | "accountLoginName" | "customerId" | "customerName" | "match"> &
  Partial<Pick<ActivityListRow, "accountId" | "accountLoginName" | "customerName" | "match">>;

const levelTone = { error: "red", warning: "amber", info: "gray" } as const;

/** Activities as rows; with `showAccount`/`showCustomer` for lists across accounts, and the matching log line when searching. */
export function ActivityTable({ activities, showAccount = false, showCustomer = false }: { activities: Row[]; showAccount?: boolean; showCustomer?: boolean }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Started</Th>
          {showAccount ? <Th>Account</Th> : null}
          {showCustomer ? <Th>Customer</Th> : null}
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
            {showAccount ? (
              <Td>
                {a.accountId ? (
                  <Link href={`/accounts/${a.accountId}`} className="hover:underline">
                    {a.accountLoginName}
                  </Link>
                ) : null}
              </Td>
            ) : null}
            {showCustomer ? <Td>{a.customerName}</Td> : null}
            <Td className="capitalize">{a.kind}</Td>
            <Td>
              <ActivityStatusBadge status={a.status} />
            </Td>
            <Td>{a.filesCount.toLocaleString("en")}</Td>
            <Td>{formatBytes(a.bytesScanned)}</Td>
            <Td>{formatBytes(a.bytesNew)}</Td>
            <Td>{a.errorCount}</Td>
            <Td className="max-w-md min-w-64">
              {/* Td does not wrap; a summary and a matching line do. */}
              {a.summary ? <div className="line-clamp-2 whitespace-normal">{a.summary}</div> : null}
              {a.match ? (
                <Link href={`/activities/${a.id}?after=${a.match.id - 1}#entry-${a.match.id}`} className="mt-1 block text-xs break-words whitespace-normal hover:underline" title="Open the log at this line">
                  <Badge tone={levelTone[a.match.level]}>{a.match.level}</Badge> {a.match.path ? <span className="font-mono break-all">{a.match.path}: </span> : null}
                  {a.match.excerpt}
                </Link>
              ) : null}
            </Td>
          </tr>
        ))}
      </Tbody>
    </Table>
  );
}
