import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupServers, serverDevices, storageDevices } from "../../../db/schema";
import { openTestDatabase } from "../../../test/db";
import { openDeadDatabase } from "../accounts/test-support/account-world";
import { readDeviceMarker, writeDeviceMarker } from "./device-marker";
import { heartbeat } from "./heartbeat";
import { registerServer } from "./register-server";

const db = openTestDatabase();
const deadDb = openDeadDatabase();
let base: string;
beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), "strongroom-registry-"));
});
afterAll(() => fs.rm(base, { recursive: true, force: true }));

async function setup(deviceCount = 2) {
  const tag = randomBytes(4).toString("hex");
  const devices = [];
  for (let i = 0; i < deviceCount; i++) {
    const root = path.join(base, `${tag}-d${i}`);
    await fs.mkdir(root);
    devices.push({ name: `reg-${tag}-d${i}`, path: root, capacityBytes: 1e12 });
  }
  return { name: `srv-${tag}`, url: `https://srv-${tag}.test:8443`, version: "0.1.0", devices };
}

const mountsOf = (serverId: number) => db.select().from(serverDevices).where(eq(serverDevices.serverId, serverId));

describe("registerServer", () => {
  it("upserts the server, its devices and its mounts, and writes each device's marker", async () => {
    const registration = await setup();
    const at = new Date("2026-01-02T03:04:05.000Z");
    const result = await registerServer(db, registration, () => at);
    if (!result.ok) throw new Error("registration failed");
    expect(result.problems).toEqual([]);
    expect(result.devices.map((d) => d.name)).toEqual(registration.devices.map((d) => d.name));
    const [server] = await db.select().from(backupServers).where(eq(backupServers.id, result.serverId));
    expect(server).toMatchObject({ name: registration.name, url: registration.url, version: "0.1.0", status: "online", lastHeartbeatAt: at });
    expect(await mountsOf(result.serverId)).toHaveLength(2);
    for (const d of result.devices) expect(await readDeviceMarker(d.root)).toEqual({ id: d.id, name: d.name });
  });

  it("is idempotent: a second start changes ids and rows not at all, only what was updated", async () => {
    const registration = await setup();
    const first = await registerServer(db, registration);
    const second = await registerServer(db, { ...registration, version: "0.2.0", devices: registration.devices.map((d) => ({ ...d, capacityBytes: 2e12 })) });
    if (!first.ok || !second.ok) throw new Error("registration failed");
    expect(second.serverId).toBe(first.serverId);
    expect(second.devices.map((d) => d.id)).toEqual(first.devices.map((d) => d.id));
    expect(await db.select().from(backupServers).where(eq(backupServers.name, registration.name))).toEqual([expect.objectContaining({ version: "0.2.0" })]);
    const [device] = await db.select().from(storageDevices).where(eq(storageDevices.id, first.devices[0]!.id));
    expect(device?.capacityBytes).toBe(2e12);
    expect(await mountsOf(first.serverId)).toHaveLength(2);
  });

  it("drops the mounts a server no longer reports", async () => {
    const registration = await setup();
    const first = await registerServer(db, registration);
    await registerServer(db, { ...registration, devices: registration.devices.slice(0, 1) });
    if (!first.ok) throw new Error("registration failed");
    expect((await mountsOf(first.serverId)).map((m) => m.deviceId)).toEqual([first.devices[0]!.id]);
    await registerServer(db, { ...registration, devices: [] });
    expect(await mountsOf(first.serverId)).toEqual([]);
  });

  it("leaves out a device whose directory holds another device's marker (the wrong disk mounted)", async () => {
    const registration = await setup();
    await writeDeviceMarker(registration.devices[1]!.path, { id: 999_999, name: "someone-else" });
    const result = await registerServer(db, registration);
    if (!result.ok) throw new Error("registration failed");
    expect(result.devices.map((d) => d.name)).toEqual([registration.devices[0]!.name]);
    expect(result.problems).toEqual([expect.objectContaining({ name: registration.devices[1]!.name, message: expect.stringContaining("someone-else") })]);
  });

  it("reports a device whose directory is missing instead of creating it", async () => {
    const registration = await setup(1);
    const missing = path.join(base, "missing-root");
    const result = await registerServer(db, { ...registration, devices: [{ ...registration.devices[0]!, path: missing }] });
    expect(result).toMatchObject({ ok: true, devices: [], problems: [expect.objectContaining({ root: missing })] });
    await expect(fs.stat(missing)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("returns database_unavailable instead of throwing when MySQL is down", async () => {
    expect(await registerServer(deadDb, await setup())).toMatchObject({ ok: false, reason: "database_unavailable" });
  });
});

describe("heartbeat", () => {
  it("records status and time, repeats harmlessly, and names an unknown server", async () => {
    const registered = await registerServer(db, await setup(0));
    if (!registered.ok) throw new Error("registration failed");
    const at = new Date("2026-02-03T04:05:06.000Z");
    expect(await heartbeat(db, registered.serverId, "draining", () => at)).toEqual({ ok: true });
    expect(await heartbeat(db, registered.serverId, "draining", () => at)).toEqual({ ok: true });
    const [server] = await db.select().from(backupServers).where(eq(backupServers.id, registered.serverId));
    expect(server).toMatchObject({ status: "draining", lastHeartbeatAt: at });
    expect(await heartbeat(db, 2_000_000_000, "online")).toEqual({ ok: false, reason: "unknown_server" });
  });

  it("returns database_unavailable instead of throwing when MySQL is down", async () => {
    expect(await heartbeat(deadDb, 1, "online")).toMatchObject({ ok: false, reason: "database_unavailable" });
  });
});
