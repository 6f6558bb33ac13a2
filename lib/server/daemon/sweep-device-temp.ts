import type { Logger } from "pino";
import { createLocalDriver } from "../../core/storage/local-driver";
import type { MountedDevice } from "../accounts";

/**
 * Removes the temp files (`.tmp~…`) that uploads cut short (kill -9, power loss) left on the
 * devices: run at start and with every account-cache sync. Only temp files untouched for longer
 * than `olderThanMs` go: another daemon mounting the same device (load-balancing scheme 3) may be
 * streaming into a fresh one right now, and a live upload touches its file with every chunk.
 * Never throws: a device that cannot be walked is logged and tried again next time.
 */
export async function sweepDeviceTemp(devices: MountedDevice[], olderThanMs: number, logger: Logger): Promise<number> {
  let removed = 0;
  for (const device of devices) {
    try {
      const n = await createLocalDriver(device.root).sweepTemp(olderThanMs);
      if (n > 0) logger.info({ device: device.id, removed: n }, "stale temp files of interrupted uploads removed");
      removed += n;
    } catch (err) {
      logger.warn({ err, device: device.id }, "cannot sweep the device's temp files");
    }
  }
  return removed;
}
