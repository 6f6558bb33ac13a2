import type { Role } from "../../db/schema/users";

/** The signed-in user as the data-access layer sees it, loaded from MySQL on every request. */
export interface Actor {
  userId: number;
  role: Role;
  /** The reseller a reseller user works for, or the reseller serving a customer; null for admins. */
  resellerId: number | null;
  name: string;
  login: string;
}
