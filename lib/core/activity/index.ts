export * from "./activity";
export * from "./activity-sink";
export * from "./start-activity";
export * from "./activity-log-key";
export * from "./memory-sink";
