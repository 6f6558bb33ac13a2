import Link from "next/link";
import { ActivityStatusBadge } from "@/components/activities/activity-status-badge";
import { Table, Tbody, Td, Th } from "@/components/ui/table";
import { LocalTime } from "@/components/ui/local-time";
import type { AccountSummary } from "@/lib/dal/accounts/list-accounts";
import { formatAgo, formatBytes, formatPercent } from "@/lib/format";
import { AccountStatusBadge } from "./account-status-badge";

export function AccountTable({ accounts, now, showCustomer = false }: { accounts: AccountSummary[]; now: Date; showCustomer?: boolean }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Account</Th>
          {showCustomer ? <Th>Customer</Th> : null}
          <Th>Status</Th>
          <Th>Last activity</Th>
          <Th>Last success</Th>
          <Th>Storage</Th>
        </tr>
      </thead>
      <Tbody>
        {accounts.map((a) => (
          <tr key={a.id}>
            <Td>
              <Link href={`/accounts/${a.id}`} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                {a.loginName}
              </Link>
              <div className="text-xs text-slate-500">{a.deviceName}</div>
            </Td>
            {showCustomer ? <Td>{a.customerName}</Td> : null}
            <Td>
              <AccountStatusBadge status={a.status} />
            </Td>
            <Td>
              {a.lastActivity ? (
                <div className="flex items-center gap-2">
                  <ActivityStatusBadge status={a.lastActivity.status} />
                  <span className="text-xs text-slate-500">
                    {a.lastActivity.kind}, <LocalTime date={a.lastActivity.startedAt} />
                  </span>
                </div>
              ) : (
                <span className="text-slate-500">No activity yet</span>
              )}
            </Td>
            <Td>{a.lastSuccessAt ? formatAgo(a.lastSuccessAt, now) : "never"}</Td>
            <Td>
              {formatBytes(a.usedBytes)} of {formatBytes(a.quotaBytes)}
              <span className="ml-1 text-xs text-slate-500">({formatPercent(a.usedBytes, a.quotaBytes)})</span>
            </Td>
          </tr>
        ))}
      </Tbody>
    </Table>
  );
}
