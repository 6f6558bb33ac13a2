// Next.js keeps an error's own `digest` through production redaction, so error boundaries (client
// components) can tell "database down" from a bug without seeing the message.
export const DB_UNAVAILABLE_DIGEST = "STRONGROOM_DB_UNAVAILABLE";
