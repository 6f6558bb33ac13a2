import pino, { type Logger } from "pino";

/**
 * JSON lines on stdout. Nothing logs request headers, but the redaction is the safety net: an
 * Authorization header or a password that slips into a log object is censored, not written.
 */
export function createLogger(options: { level: string; name: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { server: options.name },
      redact: { paths: ["authorization", "password", "*.authorization", "*.password", "headers.authorization", "req.headers.authorization"], censor: "[redacted]" },
    },
    options.destination,
  );
}
