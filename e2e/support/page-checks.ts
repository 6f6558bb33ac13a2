import type { Page, Response } from "@playwright/test";

/** Frames of a Node stack trace, driver error codes and source paths: none may reach a page. */
const internals = /\n\s*at \S+ \(|\bat (async )?\S+ \(?\/|node_modules\/|ECONNREFUSED|\bER_[A-Z_]{4,}|\.tsx?:\d+:\d+/;

export function leakedInternals(text: string): string | null {
  return internals.exec(text)?.[0] ?? null;
}

/** Collects every response of 500 or more the page receives (documents, server actions, RSC). */
export function watchServerErrors(page: Page): Response[] {
  const failures: Response[] = [];
  page.on("response", (response) => {
    if (response.status() >= 500) failures.push(response);
  });
  return failures;
}

export function describeResponses(responses: Response[]): string[] {
  return responses.map((r) => `${r.status()} ${r.request().method()} ${r.url()}`);
}
