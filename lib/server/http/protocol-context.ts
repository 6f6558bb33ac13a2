import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { StorageDriver } from "../../core/storage/driver";
import type { AccountRecord } from "../accounts";
import type { RequestAuthenticator } from "./authenticate-request";
import type { Gauges, Metrics } from "./metrics";
import type { QuotaTracker } from "./quota-tracker";
import type { ReceiveLimits } from "./receive-body";
import type { SessionRegistry } from "./session-registry";
import type { UsageTracker } from "./usage-tracker";

/** Everything the request handlers share, built once by the daemon (or a test). */
export interface ProtocolDeps {
  auth: RequestAuthenticator;
  sessions: SessionRegistry;
  quota: QuotaTracker;
  usage: UsageTracker;
  metrics: Metrics;
  logger: Logger;
  limits: ReceiveLimits;
  /** The account's repository directory as a driver (rooted there: keys cannot leave it). */
  driverFor(repositoryRoot: string): StorageDriver;
  gauges(): Omit<Gauges, "sessionsActive" | "sessionsTotal" | "draining">;
}

/** One authenticated request. */
export interface AccountRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  account: AccountRecord;
  repositoryRoot: string;
  driver: StorageDriver;
  deps: ProtocolDeps;
}
