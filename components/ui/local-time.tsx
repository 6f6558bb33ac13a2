"use client";

import { useSyncExternalStore } from "react";
import { formatUtc } from "@/lib/format";

const subscribe = () => () => {};

/**
 * A time in the viewer's own time zone, with the UTC time on hover. The server renders UTC (it
 * does not know the viewer's zone); the browser swaps in local time after hydration.
 */
export function LocalTime({ date }: { date: Date | string }) {
  const d = typeof date === "string" ? new Date(date) : date;
  const local = useSyncExternalStore(
    subscribe,
    () => d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }),
    () => formatUtc(d),
  );
  return (
    <time dateTime={d.toISOString()} title={formatUtc(d)}>
      {local}
    </time>
  );
}
