import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Tbody, Td, Th } from "@/components/ui/table";
import type { ResellerSummary } from "@/lib/dal/resellers/list-resellers";
import { formatBytes } from "@/lib/format";

export function ResellerTable({ resellers }: { resellers: ResellerSummary[] }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Reseller</Th>
          <Th>Status</Th>
          <Th>Customers</Th>
          <Th>Accounts</Th>
          <Th>Storage used</Th>
        </tr>
      </thead>
      <Tbody>
        {resellers.map((r) => (
          <tr key={r.id}>
            <Td>
              <Link href={`/resellers/${r.id}`} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                {r.name}
              </Link>
            </Td>
            <Td>{r.disabled ? <Badge tone="gray">disabled</Badge> : <Badge tone="green">active</Badge>}</Td>
            <Td>{r.customers}</Td>
            <Td>{r.accounts}</Td>
            <Td>{formatBytes(r.usedBytes)}</Td>
          </tr>
        ))}
      </Tbody>
    </Table>
  );
}
