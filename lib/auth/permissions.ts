import type { Role } from "../../db/schema/users";

/**
 * Who may do what: one map from permission to roles, checked on the server. Tenant scoping (which
 * reseller, which customer) is separate and lives in the data-access layer's queries.
 */
export const permissions = {
  "backups.own.read": ["customer"],
  "accounts.read": ["admin", "reseller", "customer"],
  "customers.read": ["admin", "reseller"],
  "resellers.read": ["admin"],
  // Reseller and admin side: account settings, audit trail, support search, export, resellers.
  "customers.export": ["admin", "reseller"],
  "activities.search": ["admin", "reseller"],
  "accounts.quota.update": ["admin", "reseller"],
  "accounts.interval.update": ["admin", "reseller"],
  "accounts.status.update": ["admin", "reseller"],
  "accounts.password.reset": ["admin", "reseller"],
  "audit.read": ["admin", "reseller"],
  "resellers.create": ["admin"],
  "resellers.rename": ["admin"],
  "resellers.status.update": ["admin"],
  "preferences.update": ["admin", "reseller", "customer"],
  "session.end": ["admin", "reseller", "customer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

/** Where each role lands after signing in. */
export const homeFor: Record<Role, string> = {
  admin: "/resellers",
  reseller: "/customers",
  customer: "/backups",
};
