import { HttpError } from "./http-error";

/** One `bytes=start-end` or `bytes=start-` range (all the client asks for); null without a header. */
export function parseRange(header: string | undefined): { start: number; end: number | null } | null {
  if (header === undefined) return null;
  const match = /^bytes=(\d{1,15})-(\d{0,15})$/.exec(header.trim());
  if (!match?.[1]) throw new HttpError("range_not_satisfiable", "only a single bytes=START-END range is supported");
  const start = Number(match[1]);
  const end = match[2] ? Number(match[2]) : null;
  if (end !== null && end < start) throw new HttpError("range_not_satisfiable", "range end before its start");
  return { start, end };
}
