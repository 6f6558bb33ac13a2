export * from "./interrupted-record";
export * from "./outbox-sink";
export * from "./recover-interrupted-sessions";
export * from "./session-journal";
