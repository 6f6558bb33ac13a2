import path from "node:path";
import { withDatabaseName } from "../../db/admin";
import { testServerUrl } from "../../test/test-database";

/**
 * Everything the Playwright config, the server bootstrap and the suites must agree on. Evaluated
 * when the config loads, so a non-local TEST_DATABASE_URL stops the run before any server starts
 * (testServerUrl() throws): the e2e run drops and recreates its database.
 */
export const E2E_DATABASE_NAME = "strongroom_e2e";
export const e2eDatabaseUrl = withDatabaseName(testServerUrl(), E2E_DATABASE_NAME);

/** The portal on the seeded e2e database. */
export const PORTAL_PORT = 3100;
export const portalUrl = `http://127.0.0.1:${PORTAL_PORT}`;

/**
 * The same build with its database pointing at a closed port (9, discard, nothing listens), for the
 * database-down suite. Same AUTH_SECRET as the portal, so a session cookie made on one is valid
 * on the other (cookies ignore the port).
 */
export const DB_DOWN_PORT = 3101;
export const dbDownUrl = `http://127.0.0.1:${DB_DOWN_PORT}`;
export const deadDatabaseUrl = "mysql://root@127.0.0.1:9/strongroom";

// Test-only: signs the e2e servers' session cookies; never used outside this run.
export const E2E_AUTH_SECRET = "strongroom-e2e-only-secret-0123456789abcdef";

/** Demo seed's size for the run; the suites look their objects up rather than assume ids. */
export const seedOptions = { customers: 6, days: 14, seed: 7 } as const;

export const demoPasswords = {
  admin: "admin-demo-pass",
  reseller: "reseller-demo-pass",
  customer: "customer-demo-pass",
} as const;

/** The actors that the setup project signs in once and saves. */
export const actorNames = ["admin", "reseller1", "reseller2", "customerA", "customerB"] as const;
export type ActorName = (typeof actorNames)[number];

export function authFile(actor: ActorName): string {
  return path.join(__dirname, "..", ".auth", `${actor}.json`);
}
