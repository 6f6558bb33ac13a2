import packageJson from "../../package.json";

/** Recorded in snapshots and activities, so a support desk can tell which client wrote what. */
export const clientVersion: string = packageJson.version;
