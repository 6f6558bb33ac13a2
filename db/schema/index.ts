export * from "./resellers";
export * from "./users";
export * from "./infrastructure";
export * from "./accounts";
export * from "./activities";
export * from "./samples";
export * from "./operations";
