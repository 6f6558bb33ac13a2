import { parseId } from "./parse-id";

// A keyset position in a list ordered by (time, id), as it travels in a URL: "<ms since epoch>-<id>".

export interface TimeKey {
  at: Date;
  id: number;
}

export function encodeTimeKey(key: TimeKey): string {
  return `${key.at.getTime()}-${key.id}`;
}

export function decodeTimeKey(value: string | undefined | null): TimeKey | null {
  const m = value ? /^(\d{1,15})-(\d{1,16})$/.exec(value) : null;
  if (!m) return null;
  const id = parseId(m[2]);
  return id === null ? null : { at: new Date(Number(m[1])), id };
}
