import { writeAccountCache } from "./account-cache";
import type { MountedDevice } from "./account-record";
import type { StoredAccount } from "./find-account";

/**
 * What happened to the cache file after MySQL changed. The change is committed either way; a cache
 * that could not be written is rewritten by the daemon's syncAccountCaches, but until then a
 * daemon cut off from MySQL answers with the old credentials or status, so the caller must say so.
 */
export type CacheOutcome = { cache: "written" | "unchanged" } | { cache: "not_mounted" | "failed"; message: string };

export async function updateAccountCache(stored: StoredAccount, devices: MountedDevice[], now: Date): Promise<CacheOutcome> {
  const device = devices.find((d) => d.id === stored.deviceId);
  if (!device) return { cache: "not_mounted", message: `storage device ${stored.deviceId} is not mounted here` };
  try {
    return { cache: (await writeAccountCache(device.root, device.id, stored.account, now)) ? "written" : "unchanged" };
  } catch (err) {
    return { cache: "failed", message: err instanceof Error ? err.message : String(err) };
  }
}
