import "server-only";
import type { DalContext } from "../context";
import { entryJson, entryText, logHeaderJson, logHeaderText } from "./format-log";
import type { ActivityDetail } from "./get-activity";
import { listActivityEntries } from "./list-activity-entries";

export type LogFormat = "text" | "jsonl";

const PAGE = 2_000;

/**
 * An activity's whole log as a byte stream, read page by page with a keyset cursor so a check with
 * 100,000 entries never sits in memory at once; pulls the next page only when the client reads.
 */
export function streamActivityLog(ctx: DalContext, activity: ActivityDetail, format: LogFormat): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const line = format === "text" ? entryText : entryJson;
  let afterId: number | undefined;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(format === "text" ? logHeaderText(activity) : logHeaderJson(activity)));
        return;
      }
      const rows = await listActivityEntries(ctx, activity.id, { afterId, limit: PAGE });
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(line).join("")));
      afterId = rows.at(-1)?.id;
      if (rows.length < PAGE) controller.close();
    },
  });
}
