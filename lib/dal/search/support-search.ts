import { parseActivityCursor, parseActivityFilters, type ActivityCursor, type ActivityFilters } from "../activities/list-activities";

// The support search is the activity list's filters plus one thing a shared preset needs: a
// relative window (`since=24h`), so "failures in the last 24 hours" stays that when opened tomorrow.
// Everything else is parseActivityFilters' own vocabulary, so a search URL is also an activity list URL.

export const searchWindows = { "24h": 24, "7d": 7 * 24, "30d": 30 * 24 } as const;
export type SearchWindow = keyof typeof searchWindows;

export interface SupportSearch {
  filters: ActivityFilters;
  cursor: ActivityCursor;
  since?: SearchWindow;
  /** Nothing asked yet: the page shows the presets instead of every activity. */
  empty: boolean;
}

type Params = Record<string, string | string[] | undefined>;

const searchKeys = ["q", "level", "status", "kind", "from", "to", "since", "account", "customer", "reseller"];

export function parseSupportSearch(params: Params, now: Date): { success: true; search: SupportSearch } | { success: false; errors: string[] } {
  const errors: string[] = [];
  const rawSince = [params.since].flat()[0] || undefined;
  const since = rawSince === undefined ? undefined : (Object.keys(searchWindows) as SearchWindow[]).find((w) => w === rawSince);
  if (rawSince !== undefined && !since) errors.push(`since must be one of ${Object.keys(searchWindows).join(", ")}`);
  const parsed = parseActivityFilters(params);
  const cursor = parseActivityCursor(params);
  if (!parsed.success) errors.push(...parsed.errors);
  if (!cursor.success) errors.push(...cursor.errors);
  if (!parsed.success || !cursor.success || errors.length > 0) return { success: false, errors };
  const filters = { ...parsed.filters };
  // An explicit `from` wins over the window: it is the narrower, deliberate choice.
  if (since && !filters.from) filters.from = new Date(now.getTime() - searchWindows[since] * 3_600_000);
  const empty = !searchKeys.some((k) => [params[k]].flat().some((v) => v !== undefined && v !== ""));
  return { success: true, search: { filters, cursor: cursor.cursor, since, empty } };
}

/** Query strings of the ready-made searches a support desk runs every day. */
export const searchPresets: { label: string; query: string }[] = [
  { label: "Failures, last 24 hours", query: "status=failed,interrupted&since=24h" },
  { label: "Failures, last 7 days", query: "status=failed,interrupted&since=7d" },
  { label: "Errors, last 24 hours", query: "level=error&since=24h" },
  { label: "Warnings, last 24 hours", query: "level=warning&since=24h" },
  { label: "Errors mentioning Outlook.pst", query: "q=Outlook.pst&level=error&since=30d" },
];
