// How a daemon makes itself and its storage devices known in MySQL, and stays known.
export { registerServer, type RegisterResult, type RegisteredDevice, type ServerRegistration } from "./register-server";
export { heartbeat, type HeartbeatResult, type ServerStatus } from "./heartbeat";
export { readDeviceMarker, DEVICE_MARKER_KEY, type DeviceMarker } from "./device-marker";
export type { MarkerProblem } from "./claim-device-marker";
