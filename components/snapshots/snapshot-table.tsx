import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { Table, Tbody, Td, Th } from "@/components/ui/table";
import type { SnapshotRow } from "@/lib/dal/snapshots/list-snapshots";
import { formatBytes } from "@/lib/format";

export function SnapshotTable({ snapshots }: { snapshots: SnapshotRow[] }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Taken</Th>
          <Th>Snapshot</Th>
          <Th>Host</Th>
          <Th>Paths</Th>
          <Th className="text-right">Files</Th>
          <Th className="text-right">Size</Th>
          <Th className="text-right">Added</Th>
        </tr>
      </thead>
      <Tbody>
        {snapshots.map((s) => (
          <tr key={s.id}>
            <Td>
              {s.activityId ? (
                <Link href={`/activities/${s.activityId}`} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400" title="The backup that made it">
                  <LocalTime date={s.takenAt} />
                </Link>
              ) : (
                <LocalTime date={s.takenAt} />
              )}
            </Td>
            <Td className="font-mono text-xs" title={s.snapshotId}>
              {s.snapshotId.slice(0, 12)}
            </Td>
            <Td>{s.host ?? "—"}</Td>
            <Td className="max-w-sm truncate" title={s.paths}>
              {s.paths}
            </Td>
            <Td className="text-right">{s.filesCount.toLocaleString("en")}</Td>
            <Td className="text-right">{formatBytes(s.bytesTotal)}</Td>
            <Td className="text-right">{formatBytes(s.bytesAdded)}</Td>
          </tr>
        ))}
      </Tbody>
    </Table>
  );
}
