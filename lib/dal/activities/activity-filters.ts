import { z } from "zod";
import { activityKinds, activityStatuses, entryLevels, type ActivityKind, type ActivityStatus, type EntryLevel } from "../../../db/schema/activities";
import { parseId } from "../parse-id";
import { fulltextQuery } from "./fulltext-query";

// The activity list's filters as they travel in a URL (so a search is a link a colleague can open).
// Names: account, customer, reseller, kind, status (repeated or comma-separated), from, to, q, level, sort.

export const activitySorts = ["newest", "oldest"] as const;
export type ActivitySort = (typeof activitySorts)[number];

export interface ActivityFilters {
  accountId?: number;
  customerId?: number;
  /** Admins only in effect: for anyone else it is ANDed with their own scope. */
  resellerId?: number;
  kind?: ActivityKind;
  status?: ActivityStatus[];
  /** Started at or after. */
  from?: Date;
  /** Started before. A bare date means the end of that day (UTC). */
  to?: Date;
  /** Text in the activity's summary or in its entries' messages and paths (whole words). */
  q?: string;
  /** With q: only entries of this level match. Without q: activities that logged this level. */
  level?: EntryLevel;
  sort: ActivitySort;
}

const DAY_MS = 86_400_000;
const bareDate = /^\d{4}-\d{2}-\d{2}$/;

const id = (name: string) =>
  z
    .string()
    .transform((v, ctx) => {
      const n = parseId(v);
      if (n === null) ctx.addIssue({ code: "custom", message: `${name} must be a positive whole number, got "${v.slice(0, 40)}"` });
      return n ?? 0;
    })
    .optional();

const time = (name: string, endOfDay: boolean) =>
  z
    .string()
    .transform((v, ctx) => {
      const date = bareDate.test(v) ? new Date(`${v}T00:00:00.000Z`) : /^\d{4}-\d{2}-\d{2}T/.test(v) ? new Date(v) : new Date(Number.NaN);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: `${name} must be a date like 2026-11-26 or 2026-11-26T08:00Z, got "${v.slice(0, 40)}"` });
        return date;
      }
      return endOfDay && bareDate.test(v) ? new Date(date.getTime() + DAY_MS) : date;
    })
    .optional();

const oneOf = <T extends string>(name: string, values: readonly T[]) =>
  z.string().refine((v): v is T => (values as readonly string[]).includes(v), { message: `${name} must be one of ${values.join(", ")}` });

const schema = z
  .object({
    account: id("account"),
    customer: id("customer"),
    reseller: id("reseller"),
    kind: oneOf("kind", activityKinds).optional(),
    status: z.array(oneOf("status", activityStatuses)).max(activityStatuses.length).optional(),
    from: time("from", false),
    to: time("to", true),
    q: z
      .string()
      .trim()
      .max(200, "q must be at most 200 characters")
      .refine((v) => v === "" || fulltextQuery(v) !== null, { message: "q needs at least one word of 3 or more letters or digits" })
      .optional(),
    level: oneOf("level", entryLevels).optional(),
    sort: oneOf("sort", activitySorts).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, { message: "from must be before to", path: ["from"] });

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: SearchParamsInput, name: string): string[] {
  const raw = params instanceof URLSearchParams ? params.getAll(name) : [params[name]].flat();
  return raw.filter((v): v is string => typeof v === "string" && v !== "");
}

export type ParsedActivityFilters = { success: true; filters: ActivityFilters } | { success: false; errors: string[] };

/** Reads the filters from a URL's query; every bad value gets a message naming the parameter. */
export function parseActivityFilters(params: SearchParamsInput): ParsedActivityFilters {
  const single = (name: string) => read(params, name).at(-1);
  const statuses = read(params, "status").flatMap((v) => v.split(",")).filter(Boolean);
  const result = schema.safeParse({
    account: single("account"),
    customer: single("customer"),
    reseller: single("reseller"),
    kind: single("kind"),
    status: statuses.length > 0 ? [...new Set(statuses)] : undefined,
    from: single("from"),
    to: single("to"),
    q: single("q"),
    level: single("level"),
    sort: single("sort"),
  });
  if (!result.success) return { success: false, errors: result.error.issues.map((i) => i.message) };
  const f = result.data;
  return {
    success: true,
    filters: {
      accountId: f.account,
      customerId: f.customer,
      resellerId: f.reseller,
      kind: f.kind,
      status: f.status,
      from: f.from,
      to: f.to,
      q: f.q || undefined,
      level: f.level,
      sort: f.sort ?? "newest",
    },
  };
}

/** The filters back as URL parameters, for links (next page, shared searches, the account's list). */
export function activityFiltersToParams(f: Partial<ActivityFilters>): URLSearchParams {
  const p = new URLSearchParams();
  if (f.accountId) p.set("account", String(f.accountId));
  if (f.customerId) p.set("customer", String(f.customerId));
  if (f.resellerId) p.set("reseller", String(f.resellerId));
  if (f.kind) p.set("kind", f.kind);
  if (f.status?.length) p.set("status", f.status.join(","));
  if (f.from) p.set("from", f.from.toISOString());
  if (f.to) p.set("to", f.to.toISOString());
  if (f.q) p.set("q", f.q);
  if (f.level) p.set("level", f.level);
  if (f.sort && f.sort !== "newest") p.set("sort", f.sort);
  return p;
}
