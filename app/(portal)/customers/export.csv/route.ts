import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { parseCustomerFilters } from "@/lib/dal/customers/customer-filters";
import { formatCustomersCsv } from "@/lib/dal/customers/format-customers-csv";
import { listCustomerOverview } from "@/lib/dal/customers/list-customer-overview";
import { routeErrorResponse } from "@/lib/route-error";

/** GET /customers/export.csv?<the customers page's filters> — every matching customer, not one page. */
export async function GET(request: Request) {
  try {
    const actor = await getActor();
    if (!actor) return new Response("Sign in first.\n", { status: 401 });
    // Same answer as an unknown path: nothing says the export exists.
    if (!can(actor.role, "customers.export")) return new Response("Not found.\n", { status: 404 });
    const { filters, problems } = parseCustomerFilters(new URL(request.url).searchParams);
    if (problems.length > 0) return new Response(`${problems.join("\n")}\n`, { status: 400 });
    const { rows } = await listCustomerOverview({ db: getDb(), actor }, filters, { pageSize: null });
    const date = new Date().toISOString().slice(0, 10);
    return new Response(formatCustomersCsv(rows, actor.role === "admin"), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="customers-${date}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return routeErrorResponse(error, "customer export");
  }
}
