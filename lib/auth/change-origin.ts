import "server-only";
import { headers } from "next/headers";
import type { ChangeOrigin } from "../dal/audit/record-audit-event";
import { clientIp } from "./client-ip";

/** The request's address for the audit row of a change made by a server action. */
export async function changeOrigin(): Promise<ChangeOrigin> {
  return { ip: clientIp(await headers()) };
}
