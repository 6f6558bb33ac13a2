import { nameCustomer, resellerNames } from "./names";

export interface DemoLogin {
  role: "admin" | "reseller" | "customer";
  login: string;
  password: string;
  /** The reseller's name, for reseller users and the customers it serves. */
  reseller?: string;
}

// Demo only: these are printed by `npm run db:seed` and shown on the demo's sign-in page.
export const demoPasswords = {
  admin: "admin-demo-pass",
  reseller: "reseller-demo-pass",
  customer: "customer-demo-pass",
  // The backup protocol credential of every seeded backup account.
  backup: "backup-demo-pass",
} as const;

export const adminLogin = "admin@strongroom.demo";
export const defaultCustomers = 60;

export function resellerLogin(slug: string): string {
  return `ops@${slug}.demo`;
}

export function customerLogin(slug: string): string {
  return `${slug}@customer.demo`;
}

/** Customer i is served by reseller i % 3. */
export function resellerIndexOf(customerIndex: number): number {
  return customerIndex % resellerNames.length;
}

/** Every portal login of a demo world with this many customers (independent of the seed). */
export function listDemoLogins(customers = defaultCustomers): DemoLogin[] {
  const logins: DemoLogin[] = [{ role: "admin", login: adminLogin, password: demoPasswords.admin }];
  for (const reseller of resellerNames) {
    logins.push({ role: "reseller", login: resellerLogin(reseller.slug), password: demoPasswords.reseller, reseller: reseller.name });
  }
  for (let i = 0; i < customers; i++) {
    const reseller = resellerNames[resellerIndexOf(i)];
    logins.push({ role: "customer", login: customerLogin(nameCustomer(i).slug), password: demoPasswords.customer, reseller: reseller?.name });
  }
  return logins;
}
