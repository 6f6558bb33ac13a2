import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Tbody, Td, Th } from "@/components/ui/table";
import type { CustomerSummary } from "@/lib/dal/customers/list-customers";
import { formatBytes, formatPercent } from "@/lib/format";

export function CustomerTable({ customers, showReseller = false }: { customers: CustomerSummary[]; showReseller?: boolean }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Customer</Th>
          {showReseller ? <Th>Reseller</Th> : null}
          <Th>Accounts</Th>
          <Th>Failures (7 days)</Th>
          <Th>Storage</Th>
        </tr>
      </thead>
      <Tbody>
        {customers.map((c) => (
          <tr key={c.id}>
            <Td>
              <Link href={`/customers/${c.id}`} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                {c.name}
              </Link>
              <div className="text-xs text-slate-500">{c.login}</div>
            </Td>
            {showReseller ? <Td>{c.resellerName}</Td> : null}
            <Td>{c.accounts}</Td>
            <Td>{c.failures7d > 0 ? <Badge tone="red">{c.failures7d} failed</Badge> : <Badge tone="green">none</Badge>}</Td>
            <Td>
              {formatBytes(c.usedBytes)} of {formatBytes(c.quotaBytes)}
              <span className="ml-1 text-xs text-slate-500">({formatPercent(c.usedBytes, c.quotaBytes)})</span>
            </Td>
          </tr>
        ))}
      </Tbody>
    </Table>
  );
}
