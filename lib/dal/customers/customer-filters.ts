import { accountHealthStates, type AccountHealth } from "../health/account-health";
import { parseId } from "../parse-id";

// The customers page's state lives in its URL, so a filtered, sorted page is a link a colleague
// can open. Parsing is lenient but never silent: an unknown value is dropped and named in `problems`.

export const customerSorts = ["health", "name", "lastSuccess", "failures", "usage"] as const;
export type CustomerSort = (typeof customerSorts)[number];

export interface CustomerFilters {
  /** Text in the customer's name or login. */
  q?: string;
  /** Customers with at least one account in one of these states (empty: all). */
  health: AccountHealth[];
  /** Customers with an account at or above this share of its quota, in percent (e.g. 90). */
  minUsagePercent?: number;
  /** Admins only: one reseller's customers (ignored for a reseller: its scope is already one). */
  resellerId?: number;
  sort: CustomerSort;
  dir: "asc" | "desc";
  /** 1-based. */
  page: number;
}

export const defaultCustomerFilters: CustomerFilters = { health: [], sort: "health", dir: "asc", page: 1 };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

export function parseCustomerFilters(params: Params): { filters: CustomerFilters; problems: string[] } {
  const problems: string[] = [];
  const filters: CustomerFilters = { ...defaultCustomerFilters, health: [] };

  const q = read(params, "q");
  if (q !== undefined) {
    if (q.length > 100) problems.push("The search text was longer than 100 characters and was ignored.");
    else filters.q = q;
  }
  for (const state of (read(params, "health") ?? "").split(",").filter(Boolean)) {
    const known = accountHealthStates.find((s) => s === state);
    if (known) {
      if (!filters.health.includes(known)) filters.health.push(known);
    } else problems.push(`Unknown health state “${state.slice(0, 20)}” was ignored: use ${accountHealthStates.join(", ")}.`);
  }
  const usage = read(params, "usage");
  if (usage !== undefined) {
    const n = /^\d{1,3}$/.test(usage) ? Number(usage) : NaN;
    if (n >= 1 && n <= 100) filters.minUsagePercent = n;
    else problems.push("The quota filter must be a percentage from 1 to 100; it was ignored.");
  }
  const reseller = read(params, "reseller");
  if (reseller !== undefined) {
    const id = parseId(reseller);
    if (id === null) problems.push("The reseller filter was not a reseller id and was ignored.");
    else filters.resellerId = id;
  }
  const sort = read(params, "sort");
  if (sort !== undefined) {
    const known = customerSorts.find((s) => s === sort);
    if (known) filters.sort = known;
    else problems.push(`Unknown sort “${sort.slice(0, 20)}” was ignored.`);
  }
  const dir = read(params, "dir");
  if (dir === "asc" || dir === "desc") filters.dir = dir;
  else if (dir !== undefined) problems.push("The sort direction must be asc or desc; it was ignored.");
  const page = read(params, "page");
  if (page !== undefined) {
    const n = parseId(page);
    if (n === null || n > 100_000) problems.push("The page number was not valid; showing the first page.");
    else filters.page = n;
  }
  return { filters, problems };
}

/** The URL query of a filter set: only what differs from the defaults, in a stable order. */
export function customerFiltersQuery(filters: CustomerFilters, change: Partial<CustomerFilters> = {}): string {
  const f = { ...filters, ...change };
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  if (f.health.length > 0) params.set("health", f.health.join(","));
  if (f.minUsagePercent !== undefined) params.set("usage", String(f.minUsagePercent));
  if (f.resellerId !== undefined) params.set("reseller", String(f.resellerId));
  if (f.sort !== defaultCustomerFilters.sort) params.set("sort", f.sort);
  if (f.dir !== defaultCustomerFilters.dir) params.set("dir", f.dir);
  if (f.page > 1) params.set("page", String(f.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
