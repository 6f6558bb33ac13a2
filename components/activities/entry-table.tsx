import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { Table, Tbody, Td, Th } from "@/components/ui/table";
import type { EntryRow } from "@/lib/dal/activities/list-activity-entries";

const tones = { info: "gray", warning: "amber", error: "red" } as const;

export function EntryTable({ entries }: { entries: EntryRow[] }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Time</Th>
          <Th>Level</Th>
          <Th>Path</Th>
          <Th>Message</Th>
        </tr>
      </thead>
      <Tbody>
        {entries.map((e) => (
          // An anchor per line: the support search links straight to the entry that matched.
          <tr key={e.id} id={`entry-${e.id}`} className="scroll-mt-20 target:bg-amber-50 dark:target:bg-amber-500/10">
            <Td>
              <LocalTime date={e.at} />
            </Td>
            <Td>
              <Badge tone={tones[e.level]}>{e.level}</Badge>
            </Td>
            <Td className="max-w-xs truncate font-mono text-xs" title={e.path ?? undefined}>
              {e.path ?? ""}
            </Td>
            <Td className="whitespace-normal">{e.message}</Td>
          </tr>
        ))}
      </Tbody>
    </Table>
  );
}
