import { eq } from "drizzle-orm";
import fs from "node:fs/promises";
import path from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { backupServers, serverDevices } from "../../../db/schema";
import { openTestDatabase } from "../../../test/db";
import { tempDir } from "../../client/test-support/temp-dir";
import { createAccount } from "../accounts";
import { readAccountCache, removeAccountCache } from "../accounts/account-cache";
import { accountWorld, openDeadDatabase, password } from "../accounts/test-support/account-world";
import { httpText, rawHttps } from "../http/test-support/raw-https";
import { readDeviceMarker } from "../registry";
import { loadDaemonConfig } from "./daemon-config";
import { bootDaemon } from "./run-server";
import { ensureSelfSignedCertificate } from "./self-signed-certificate";

const db = openTestDatabase();
const deadDb = openDeadDatabase();
const logger = pino({ level: process.env.STRONGROOM_TEST_LOG ?? "silent" });

describe("daemon registration", () => {
  it("registers itself and its devices, syncs the caches, beats, and keeps serving with MySQL down", async () => {
    const world = await accountWorld(db);
    const device = world.devices[0]!;
    const login = world.login();
    await createAccount(db, { loginName: login, password, resellerId: world.resellerId, customerUserId: world.customer.userId, deviceId: device.id, quotaBytes: 1e9 }, [device]);
    // A stale cache state: the daemon's sync at start rewrites it from MySQL.
    await removeAccountCache(device.root, login);

    const dir = await tempDir("registration");
    const tls = await ensureSelfSignedCertificate(path.join(dir, "tls"));
    const config = await loadDaemonConfig(null, {}, {
      name: `srv-${world.tag}`,
      listen: { host: "127.0.0.1", port: 0 },
      tls,
      stateDir: path.join(dir, "state"),
      drainSeconds: 1,
      logLevel: "silent",
      devices: [{ path: device.root, name: device.name }],
    });
    const ca = await fs.readFile(tls.cert);
    const openSession = (port: number) => rawHttps(port, ca, httpText("POST", "/v1/sessions", { login, password, body: JSON.stringify({ kind: "backup" }) }));

    const daemon = await bootDaemon(config, db, logger);
    const [server] = await db.select().from(backupServers).where(eq(backupServers.name, config.name));
    expect(server).toMatchObject({ status: "online" });
    expect(await db.select({ deviceId: serverDevices.deviceId }).from(serverDevices).where(eq(serverDevices.serverId, server!.id))).toEqual([{ deviceId: device.id }]);
    expect(await readDeviceMarker(device.root)).toEqual({ id: device.id, name: device.name });
    expect((await readAccountCache(device.root, login)).kind).toBe("found");
    expect((await openSession(daemon.port)).status).toBe(201);
    await daemon.shutdown();
    const [after] = await db.select().from(backupServers).where(eq(backupServers.id, server!.id));
    expect(after?.status).toBe("offline");

    // MySQL unreachable: the device id comes from its marker, the login from the cache.
    const offline = await bootDaemon(config, deadDb, logger);
    expect((await rawHttps(offline.port, ca, httpText("GET", "/healthz"))).status).toBe(200);
    expect((await openSession(offline.port)).status).toBe(201);
    await offline.shutdown();
  });

  it("names a device after its directory when the config gives no name", async () => {
    const config = await loadDaemonConfig(null, {}, { devices: [{ path: "/srv/strongroom/dev-a" }, { path: "/x/y", name: "other", id: 3 }] });
    expect(config.devices).toEqual([
      { path: "/srv/strongroom/dev-a", name: "dev-a" },
      { path: "/x/y", name: "other", id: 3 },
    ]);
  });
});
