import { actorNames, authFile } from "./support/e2e-env";
import { postCredentials, signInOutcome } from "./support/auth-api";
import { expect, test as setup } from "./support/fixtures";
import { credentialsOf } from "./support/world";

// Signs each actor in once, through the API rather than the form (the login suite covers the form),
// and saves the cookies for the suites. The cookies are for host 127.0.0.1, so they are sent to the
// database-down server on the other port too.
for (const actor of actorNames) {
  setup(`sign in as ${actor}`, async ({ request, world }) => {
    const outcome = signInOutcome(await postCredentials(request, credentialsOf(world, actor)));
    expect(outcome.status, "a sign-in answers with a redirect").toBe(302);
    expect(outcome.error, `sign-in refused (code ${outcome.code})`).toBeNull();
    expect(outcome.location?.pathname).toBe("/");

    const session = (await (await request.get("/api/auth/session")).json()) as { user?: { id?: string } } | null;
    expect(session?.user?.id, "the session names the user").toBeTruthy();

    await request.storageState({ path: authFile(actor) });
  });
}
