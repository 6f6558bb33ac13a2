import { vi } from "vitest";
import type { Database } from "../db/client";
import type { Actor } from "../lib/auth/actor";

/**
 * What a server action needs from Next.js outside a request, for testing real action handlers
 * against the real test database: the signed-in actor, request headers and a no-op revalidation.
 * Call `vi.mock` for the modules in the test file (vi.mock is hoisted per file) with these objects.
 */
export const actionRequest = { actor: null as Actor | null, db: null as Database | null, ip: "203.0.113.50" };

export const sessionMock = () => ({ getActor: async () => actionRequest.actor });
export const headersMock = () => ({ headers: async () => new Headers({ "x-forwarded-for": actionRequest.ip }) });
export const cacheMock = () => ({ revalidatePath: vi.fn() });

export function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, String(v));
  return data;
}
