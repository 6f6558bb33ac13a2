import { decodeTimeKey, encodeTimeKey } from "../time-key";

// Keyset pagination over (started_at, id): the id breaks ties between runs that started in the same
// millisecond, so a page boundary never skips or repeats a row. In a URL a key is "<ms>-<id>".

export interface ActivityKey {
  startedAt: Date;
  id: number;
}

/** Which page: after a key (the next page), before a key (the previous one), or the first. */
export interface ActivityCursor {
  after?: ActivityKey;
  before?: ActivityKey;
  limit?: number;
}

export function encodeActivityKey(key: ActivityKey): string {
  return encodeTimeKey({ at: key.startedAt, id: key.id });
}

export function decodeActivityKey(value: string | undefined): ActivityKey | null {
  const key = decodeTimeKey(value);
  return key && { startedAt: key.at, id: key.id };
}

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/** The cursor in a URL (`after` or `before`); a malformed key is an error, not the first page. */
export function parseActivityCursor(params: Params): { success: true; cursor: ActivityCursor } | { success: false; errors: string[] } {
  const get = (name: string) => {
    const v = params instanceof URLSearchParams ? params.get(name) : [params[name]].flat()[0];
    return v ?? undefined;
  };
  const cursor: ActivityCursor = {};
  for (const name of ["after", "before"] as const) {
    const raw = get(name);
    if (raw === undefined || raw === "") continue;
    const key = decodeActivityKey(raw);
    if (!key) return { success: false, errors: [`${name} must be a page key like 1764144000000-42 (use the page links)`] };
    cursor[name] = key;
  }
  if (cursor.after && cursor.before) return { success: false, errors: ["give either after or before, not both"] };
  return { success: true, cursor };
}
