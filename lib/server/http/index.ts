// The backup protocol over HTTPS (see ../PROTOCOL.md): the daemon builds ProtocolDeps and serves.
export { createProtocolServer, defaultTimeouts, type ServerTimeouts } from "./create-protocol-server";
export { createRequestAuthenticator } from "./authenticate-request";
export { createSessionRegistry, sessionKinds, type Session, type SessionKind, type SessionActivityPort, type SessionRegistry } from "./session-registry";
export { createMetrics } from "./metrics";
export { createQuotaTracker } from "./quota-tracker";
export { createUsageTracker, type UsageTracker } from "./usage-tracker";
export type { ProtocolDeps } from "./protocol-context";
