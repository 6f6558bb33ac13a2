import { z } from "zod";
import { createLocalDriver } from "../../core/storage/local-driver";
import { StorageError } from "../../core/storage/driver";

/**
 * `<device root>/strongroom-device.json` names the device a directory holds. It lets a daemon that
 * starts while MySQL is down know its devices' ids (which the account caches refer to), and it
 * catches the wrong disk mounted at a configured path before anything is written to it.
 */
export const DEVICE_MARKER_KEY = "strongroom-device.json";

const markerSchema = z.object({ format: z.literal(1), id: z.number().int().positive(), name: z.string().min(1) });
export type DeviceMarker = { id: number; name: string };

/** The marker, or null when the directory has none; throws when it is unreadable or malformed. */
export async function readDeviceMarker(root: string): Promise<DeviceMarker | null> {
  let bytes: Buffer;
  try {
    bytes = await createLocalDriver(root).read(DEVICE_MARKER_KEY);
  } catch (err) {
    if (err instanceof StorageError && err.code === "not_found") return null;
    throw err;
  }
  const parsed = markerSchema.safeParse(safeJson(bytes));
  if (!parsed.success) throw new Error(`${root}/${DEVICE_MARKER_KEY} is not a valid device marker`);
  return { id: parsed.data.id, name: parsed.data.name };
}

/** Crash-safe (temp, fsync, rename). Never creates the root: a missing root is an unmounted device. */
export async function writeDeviceMarker(root: string, marker: DeviceMarker): Promise<void> {
  const body = { format: 1, id: marker.id, name: marker.name };
  await createLocalDriver(root).write(DEVICE_MARKER_KEY, Buffer.from(`${JSON.stringify(body, null, 2)}\n`));
}

function safeJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    return null;
  }
}
