import { beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/db";
import { createWorld } from "../../../test/world";
import { setAccountQuota } from "../accounts/set-account-quota";
import { listAuditEvents } from "./list-audit-events";

const db = openTestDatabase();
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  w = await createWorld(db);
  await setAccountQuota({ db, actor: w.reseller1 }, w.accountA, 3e11, { ip: "203.0.113.9" });
  await setAccountQuota({ db, actor: w.admin }, w.accountA, 4e11, { ip: "198.51.100.1" });
});

describe("listAuditEvents", () => {
  it("shows the account's trail newest first, with who, what and from where", async () => {
    const events = await listAuditEvents({ db, actor: w.reseller1 }, { type: "account", id: w.accountA });
    expect(events.map((e) => [e.action, e.actorName, e.ip, e.details.toBytes])).toEqual([
      ["account.quota.update", w.admin.name, "198.51.100.1", 4e11],
      ["account.quota.update", w.reseller1.name, "203.0.113.9", 3e11],
    ]);
    expect(events[0]?.at).toBeInstanceOf(Date);
  });

  it("is scoped: another reseller and customers read nothing; an admin reads every tenant's", async () => {
    expect(await listAuditEvents({ db, actor: w.reseller2 }, { type: "account", id: w.accountA })).toEqual([]);
    expect(await listAuditEvents({ db, actor: w.customerA }, { type: "account", id: w.accountA })).toEqual([]);
    expect(await listAuditEvents({ db, actor: w.admin }, { type: "account", id: w.accountA })).toHaveLength(2);
  });
});
