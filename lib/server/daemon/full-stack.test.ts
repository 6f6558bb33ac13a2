import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/db";
import { makeSourceTree } from "../../client/test-support/make-source-tree";
import { cliEnv, jsonLines, spawnCli } from "../../client/test-support/spawn-cli";
import { tempDir } from "../../client/test-support/temp-dir";
import { createAccount, createAccountDirectory } from "../accounts";
import { accountWorld, password, testActor } from "../accounts/test-support/account-world";
import { storedActivities } from "../activities/test-support/stored-activities";
import { startTestDaemon } from "../http/test-support/start-test-daemon";

const db = openTestDatabase();

// Everything real: an account created by the admin code (MySQL row + device cache, argon2id), the
// daemon authenticating through the account directory, the CLI backing up over HTTPS, and the
// activity delivered from the outbox into MySQL.
describe("full stack with MySQL", () => {
  let world: Awaited<ReturnType<typeof accountWorld>>;
  beforeAll(async () => {
    world = await accountWorld(db);
  });

  it("backs up through the daemon and the activity reaches MySQL once", async () => {
    const root = await tempDir("full-stack");
    const src = path.join(root, "src");
    await makeSourceTree(src);
    const loginName = world.login();
    const device = world.devices[0]!;
    const { account } = await createAccount(db, { loginName, password, resellerId: world.resellerId, customerUserId: world.customer.userId, deviceId: device.id, quotaBytes: 2 ** 30 }, world.devices, { actor: testActor });
    const accounts = createAccountDirectory({ db, devices: world.devices });
    const daemon = await startTestDaemon(root, accounts, {}, { db, authCacheMs: 30_000 });
    try {
      const env: Record<string, string> = { ...cliEnv(""), STRONGROOM_SERVER: daemon.url, STRONGROOM_ACCOUNT: loginName, STRONGROOM_ACCOUNT_PASSWORD: password, STRONGROOM_SERVER_CA: daemon.caFile };
      delete env.STRONGROOM_REPO;
      const init = await spawnCli(["init"], env);
      expect(init.stderr).toBe("");
      const backup = await spawnCli(["backup", "--json", src], env);
      expect(backup.stderr).toBe("");
      expect(backup.code).toBe(0);
      const activity = jsonLines(backup.stdout).find((l) => l.message_type === "activity");
      const id = activity?.id as string;
      await expect.poll(() => storedActivities(db, [id]), { timeout: 10_000 }).toMatchObject([{ accountId: account.accountId, status: "success" }]);
    } finally {
      await daemon.shutdown();
    }
  }, 60_000);
});
