import { readDeviceMarker, writeDeviceMarker } from "./device-marker";

export interface MarkerProblem {
  deviceId: number;
  name: string;
  root: string;
  message: string;
}

/**
 * Makes sure the directory at `root` is the device MySQL calls `name`/`id`: writes the marker on
 * first use, and refuses (returns a problem) when the marker names another device, which means
 * the wrong disk is mounted there, or when the directory cannot be read or written.
 */
export async function claimDeviceMarker(device: { id: number; name: string; root: string }): Promise<MarkerProblem | null> {
  const problem = (message: string): MarkerProblem => ({ deviceId: device.id, name: device.name, root: device.root, message });
  try {
    const marker = await readDeviceMarker(device.root);
    if (marker === null) {
      await writeDeviceMarker(device.root, { id: device.id, name: device.name });
      return null;
    }
    if (marker.id !== device.id || marker.name !== device.name) {
      return problem(`${device.root} holds device ${marker.name} (id ${marker.id}), not ${device.name} (id ${device.id})`);
    }
    return null;
  } catch (err) {
    return problem(err instanceof Error ? err.message : String(err));
  }
}
