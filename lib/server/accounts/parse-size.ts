/**
 * Sizes as operators type them: "100G", "1.5T", "500M", "1024" (bytes). Binary units (G = GiB),
 * as df -h and the portal show them. Returns null for anything else so the caller names the input.
 */
const UNITS: Record<string, number> = { "": 1, B: 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40, P: 2 ** 50 };

export function parseSize(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([KMGTP]?)(?:i?B)?$/i.exec(text.trim());
  if (!match) return null;
  const unit = UNITS[(match[2] ?? "").toUpperCase()];
  if (unit === undefined) return null;
  const bytes = Math.floor(Number(match[1]) * unit);
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/** Expected backup intervals: "24h", "7d", "36" (hours). Whole hours, 1 to 8760 (a year). */
export function parseIntervalHours(text: string): number | null {
  const match = /^(\d+)\s*([hd]?)$/i.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]) * ((match[2] ?? "").toLowerCase() === "d" ? 24 : 1);
  return hours >= 1 && hours <= 8760 ? hours : null;
}
