export * from "./activity-errors";
export * from "./start-activity-outbox";
export * from "./store-activity";
export { ENTRY_BATCH_BYTES, ENTRY_BATCH_ROWS } from "./insert-entries";
