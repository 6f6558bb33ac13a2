import { readFile } from "node:fs/promises";
import { authFile } from "./support/e2e-env";
import { addFailedAccount } from "./support/failed-account";
import { expect, test } from "./support/fixtures";

/**
 * A customer's morning check: the dashboard shows one account failed; from there to the failed
 * backup, its errors, a search in its log, and the whole log downloaded as text and JSON lines.
 */
test.describe("a customer finds out why a backup failed", () => {
  test.use({ storageState: authFile("customerA") });

  test("dashboard → failed backup → errors → search → downloads", async ({ page, world, db }) => {
    const failed = await addFailedAccount(db, world.customerA);

    await page.goto("/backups");
    const card = page.getByRole("group", { name: failed.loginName });
    await expect(card.getByText("failed", { exact: true })).toBeVisible();
    await expect(card.getByText("The latest backup failed")).toBeVisible();
    await expect(card.getByRole("list", { name: /Daily backup outcomes/ }).getByRole("listitem")).toHaveCount(30);

    await card.getByRole("link", { name: "Failed backups" }).click();
    await expect(page).toHaveURL(new RegExp(`/activities\\?account=${failed.accountId}&status=failed`));
    await expect(page.getByRole("heading", { name: `Activity of ${failed.loginName}` })).toBeVisible();
    const rows = page.locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(`2 files could not be read (walk ${failed.tag})`);
    await rows.first().locator(`a[href="/activities/${failed.activityId}"]`).click();

    await expect(page).toHaveURL(new RegExp(`/activities/${failed.activityId}$`));
    await expect(page.getByRole("heading", { name: `Backup of ${failed.loginName}` })).toBeVisible();
    await expect(page.getByRole("link", { name: /^First error/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /^First warning/ })).toBeVisible();
    await expect(page.getByText("Dedup")).toBeVisible();

    await page.getByRole("navigation", { name: "Filter entries by level" }).getByRole("link", { name: "error" }).click();
    await expect(page).toHaveURL(/level=error/);
    const entries = page.locator("tbody tr");
    await expect(entries).toHaveCount(2);
    await expect(entries.filter({ hasText: "Access is denied" })).toHaveCount(1);
    await expect(entries.filter({ hasText: `being used by another process ${failed.tag}` })).toHaveCount(1);

    await page.getByRole("searchbox", { name: "Words or paths in this log" }).fill("Outlook.pst");
    await page.getByRole("searchbox", { name: "Words or paths in this log" }).press("Enter");
    await expect(page).toHaveURL(/q=Outlook\.pst/);
    await expect(page).toHaveURL(/level=error/);
    await expect(entries).toHaveCount(1);
    await expect(entries.first()).toContainText("Outlook Files");

    const text = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download log (text)" }).click();
    const textFile = await text;
    expect(textFile.suggestedFilename()).toBe(`${failed.loginName}-backup-${failed.activityId}.log`);
    const body = await readFile((await textFile.path())!, "utf8");
    expect(body).toContain(`Activity ${failed.activityId}: failed`);
    expect(body).toMatch(/ERROR +C:\\Users\\walk\\Outlook Files\\Outlook\.pst: The process cannot access the file/);
    expect(body.trimEnd().split("\n\n")[1]!.split("\n")).toHaveLength(33);

    const jsonl = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download log (JSON lines)" }).click();
    const jsonlFile = await jsonl;
    expect(jsonlFile.suggestedFilename()).toBe(`${failed.loginName}-backup-${failed.activityId}.jsonl`);
    const lines = (await readFile((await jsonlFile.path())!, "utf8")).trimEnd().split("\n").map((l) => JSON.parse(l) as { type: string; level?: string });
    expect(lines[0]).toMatchObject({ type: "activity", id: failed.activityId, status: "failed" });
    expect(lines.filter((l) => l.type === "entry" && l.level === "error")).toHaveLength(2);
  });

  test("the activity list refuses bad filters with a clear message", async ({ page }) => {
    await page.goto("/activities?status=bogus&from=yesterday");
    await expect(page.getByText("These filters cannot be used:")).toBeVisible();
    await expect(page.getByText("status must be one of success, warning, failed, interrupted, running")).toBeVisible();
    await expect(page.getByText("from must be a date like 2026-11-26")).toBeVisible();
  });
});
