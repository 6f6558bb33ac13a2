export { createRemoteDriver, type RemoteDriver } from "./create-remote-driver";
export type { RemoteDriverOptions, RemoteSessionKind } from "./remote-options";
