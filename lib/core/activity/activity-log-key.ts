import type { ActivityHeader } from "./activity";

/**
 * Where an activity's JSON lives in a repository: `logs/<time>-<kind>-<id>.json`. The time is
 * compact UTC with milliseconds (`20250102T030405.678Z`) because storage keys allow only
 * [A-Za-z0-9._-] (no colons); it comes first, to the millisecond, so a plain sort of the keys is
 * chronological even for runs that start within the same second.
 */
export function activityLogKey(header: Pick<ActivityHeader, "startedAt" | "kind" | "id">): string {
  const time = header.startedAt.replaceAll("-", "").replaceAll(":", "");
  return `logs/${time}-${header.kind}-${header.id}.json`;
}

export const activityLogPrefix = "logs/";
