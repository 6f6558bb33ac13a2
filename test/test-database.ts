import { randomBytes } from "node:crypto";
import { withDatabaseName } from "../db/admin";

/**
 * Tests create and drop their own databases on a MariaDB/MySQL server that must be local: a test
 * run must never be able to reach a shared or production database.
 */
export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/";
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`TEST_DATABASE_URL must point at a local server, not ${host}`);
  }
  return url;
}

export function scratchDatabaseUrl(prefix = "strongroom_test"): string {
  return withDatabaseName(testServerUrl(), `${prefix}_${randomBytes(4).toString("hex")}`);
}
