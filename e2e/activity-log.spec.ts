import { count, eq } from "drizzle-orm";
import { activityEntries } from "../db/schema";
import { actorNames, authFile, type ActorName } from "./support/e2e-env";
import { expect, test } from "./support/fixtures";

/**
 * The activity log downloads: only an actor who may see the activity gets it (200, an attachment
 * with every entry); everyone else gets the same 404 as for an id that does not exist.
 */
const allowedForA: ActorName[] = ["admin", "reseller1", "customerA"];

for (const actor of actorNames) {
  test.describe(`log download as ${actor}`, () => {
    test.use({ storageState: authFile(actor) });

    test(allowedForA.includes(actor) ? "gets account A's log in both formats" : "gets 404 for account A's log", async ({ page, world, db }) => {
      const id = world.activityA.id;
      const text = await page.request.get(`/activities/${id}/log?format=text`);
      const jsonl = await page.request.get(`/activities/${id}/log?format=jsonl`);
      if (!allowedForA.includes(actor)) {
        for (const response of [text, jsonl]) {
          expect(response.status()).toBe(404);
          expect(await response.text()).toBe("Not found.\n");
        }
        return;
      }
      const [{ entries }] = (await db.select({ entries: count() }).from(activityEntries).where(eq(activityEntries.activityId, id))) as [{ entries: number }];
      expect(text.status()).toBe(200);
      expect(text.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.log"$/);
      const body = await text.text();
      expect(body).toContain(world.accountA.loginName);
      expect(body.split("\n\n")[1]!.trimEnd().split("\n")).toHaveLength(entries);
      expect(jsonl.status()).toBe(200);
      const lines = (await jsonl.text()).trimEnd().split("\n").map((l) => JSON.parse(l) as { type: string });
      expect(lines[0]).toMatchObject({ type: "activity", id });
      expect(lines.filter((l) => l.type === "entry")).toHaveLength(entries);
    });

    test("refuses an unknown format, malformed and unknown ids", async ({ page, world }) => {
      expect((await page.request.get(`/activities/${world.activityB.id}/log?format=pdf`)).status()).toBe(400);
      for (const id of ["abc", "0", "-1", "99999999999999999999", String(world.unknownId)]) {
        expect((await page.request.get(`/activities/${id}/log`)).status(), id).toBe(404);
      }
    });
  });
}

test.describe("log download signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test("answers 401", async ({ page, world }) => {
    const response = await page.request.get(`/activities/${world.activityA.id}/log`);
    expect(response.status()).toBe(401);
  });
});

test.describe("a customer reads a run's errors and downloads its log", () => {
  test.use({ storageState: authFile("customerA") });

  test("from the account to the activity's error lines and the text download", async ({ page, world }) => {
    await page.goto(`/accounts/${world.accountA.id}`);
    await page.locator(`a[href^="/activities/"]`).first().click();
    await expect(page).toHaveURL(/\/activities\/\d+$/);
    await expect(page.getByRole("heading", { name: "Log" })).toBeVisible();
    await page.getByRole("link", { name: "error" }).click();
    await expect(page).toHaveURL(/level=error$/);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download log (text)" }).click();
    expect((await download).suggestedFilename()).toMatch(new RegExp(`^${world.accountA.loginName}-\\w+-\\d+\\.log$`));
  });
});
