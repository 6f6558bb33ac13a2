export * from "./activity-delivery";
export * from "./backoff";
export * from "./open-state-directory";
export * from "./outbox";
export * from "./outbox-worker";
export * from "./permanent-error";
export * from "./worker-timers";
