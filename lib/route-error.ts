import "server-only";
import { AppError, toAppError } from "./errors";

/** A route handler's failure as plain text: an AppError's safe message, anything else a generic 500. */
export function routeErrorResponse(error: unknown, what: string): Response {
  const appError = toAppError(error);
  if (appError instanceof AppError) return new Response(`${appError.message}\n`, { status: appError.status });
  console.error(`${what} failed`, error);
  return new Response("Something went wrong.\n", { status: 500 });
}
