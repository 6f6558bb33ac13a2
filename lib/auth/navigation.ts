import type { Role } from "../../db/schema/users";
import { can, type Permission } from "./permissions";

const items: { href: string; label: string; permission: Permission }[] = [
  { href: "/backups", label: "My backups", permission: "backups.own.read" },
  { href: "/customers", label: "Customers", permission: "customers.read" },
  { href: "/activities", label: "Activity", permission: "accounts.read" },
  { href: "/search", label: "Support search", permission: "activities.search" },
  { href: "/resellers", label: "Resellers", permission: "resellers.read" },
];

/** The navigation a role sees: derived from the permission map, never listed per role. */
export function navigationFor(role: Role) {
  return items.filter((item) => can(role, item.permission));
}
