import { describe, expect, it } from "vitest";
import { roles } from "../../db/schema/users";
import { navigationFor } from "./navigation";
import { can, homeFor, permissions, type Permission } from "./permissions";

describe("permission map", () => {
  it("grants exactly the listed roles", () => {
    for (const [permission, allowed] of Object.entries(permissions) as [Permission, readonly string[]][]) {
      for (const role of roles) expect(can(role, permission), `${role} ${permission}`).toBe(allowed.includes(role));
    }
  });

  it("keeps customers out of other tenants' management pages", () => {
    expect(can("customer", "customers.read")).toBe(false);
    expect(can("customer", "resellers.read")).toBe(false);
    expect(can("reseller", "resellers.read")).toBe(false);
    expect(can("admin", "backups.own.read")).toBe(false);
  });

  it("shows each role only navigation it may open, and its home first among them", () => {
    expect(navigationFor("customer").map((i) => i.href)).toEqual(["/backups", "/activities"]);
    expect(navigationFor("reseller").map((i) => i.href)).toEqual(["/customers", "/activities", "/search"]);
    expect(navigationFor("admin").map((i) => i.href)).toEqual(["/customers", "/activities", "/search", "/resellers"]);
    for (const role of roles) expect(navigationFor(role).map((i) => i.href)).toContain(homeFor[role]);
  });
});
