import { dropDatabase } from "../../db/admin";
import { e2eDatabaseUrl } from "./e2e-env";

/** Drops the e2e database, unless the run reused a server a developer started (E2E_REUSE_SERVER=1). */
export default async function globalTeardown(): Promise<void> {
  if (process.env.E2E_REUSE_SERVER === "1") return;
  await dropDatabase(e2eDatabaseUrl);
}
