import { sql } from "drizzle-orm";
import { resellers } from "../../../db/schema";

// What the admin sees of a reseller: its row and the size of its tenant. The correlated subqueries
// name `resellers.id` literally: drizzle leaves columns unqualified in a single-table select.
const customersOf = sql<number>`(select count(*) from users u where u.reseller_id = resellers.id and u.role = 'customer')`.mapWith(Number);
const accountsOf = sql<number>`(select count(*) from backup_accounts a where a.reseller_id = resellers.id)`.mapWith(Number);
const usedBytesOf = sql<number>`(select coalesce(sum(a.used_bytes), 0) from backup_accounts a where a.reseller_id = resellers.id)`.mapWith(Number);

export const resellerColumns = {
  id: resellers.id,
  name: resellers.name,
  disabled: resellers.disabled,
  createdAt: resellers.createdAt,
  customers: customersOf,
  accounts: accountsOf,
  usedBytes: usedBytesOf,
};

