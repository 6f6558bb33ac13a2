import { readFile } from "node:fs/promises";
import { authFile } from "./support/e2e-env";
import { accountRow, createDedicatedAccount } from "./support/dedicated";
import { expect, test } from "./support/fixtures";
import { parseCsv } from "./support/parse-csv";

/**
 * A reseller's support day on the demo data, in the browser: find every failure of the last day,
 * open one, suspend its account and see the audit event; search a file name in the logs; export
 * the failing customers as CSV. It acts on an account of its own (see createDedicatedAccount) so
 * the seeded objects other suites read stay as they are.
 */
test.use({ storageState: authFile("reseller1") });

test("finds the last day's failures, opens one, suspends its account and sees the audit event", async ({ page, db, world }) => {
  const mine = await createDedicatedAccount(db, world.reseller1.id);

  await page.goto("/search");
  await page.getByRole("link", { name: "Failures, last 24 hours" }).click();
  await expect(page).toHaveURL(/[?&]since=24h/);
  const results = page.getByRole("table", { name: "Search results" });
  const row = results.getByRole("row").filter({ hasText: mine.loginName });
  await expect(row).toHaveCount(1);
  // Every row is a failure: no other status badge in the results.
  await expect(results.getByText(/^(success|warning|running)$/)).toHaveCount(0);

  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/activities/${mine.activityId}$`));
  await expect(page.getByText("Outlook.pst").first()).toBeVisible();

  await page.goBack();
  await results.getByRole("row").filter({ hasText: mine.loginName }).getByRole("link", { name: mine.loginName }).click();
  await expect(page).toHaveURL(`/accounts/${mine.accountId}`);
  await page.getByRole("button", { name: "Suspend account" }).click();
  await expect(page.getByTestId("action-message")).toContainText("Account suspended");
  await expect(page.getByRole("button", { name: "Resume account" })).toBeVisible();
  expect((await accountRow(db, mine.accountId)).status).toBe("suspended");

  const trail = page.getByRole("table", { name: "Audit trail" });
  await expect(trail.getByRole("row").filter({ hasText: "Suspended" })).toContainText(world.resellerUser1.name);
});

test("a text + level search opens the activity at the matching log entry, and the link can be shared", async ({ page, db, world }) => {
  const mine = await createDedicatedAccount(db, world.reseller1.id);
  const word = (await db.query.activityEntries.findFirst({ where: (e, { eq }) => eq(e.id, mine.entryId) }))!.message.split(" ").at(-1)!;

  await page.goto("/search");
  await page.getByRole("searchbox").fill(`Outlook.pst ${word}`);
  await page.getByLabel("Entry level").selectOption("error");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=Outlook\.pst/);
  const shared = page.url();

  const results = page.getByRole("table", { name: "Search results" });
  await expect(results.getByRole("row")).toHaveCount(2); // the header and the one match
  await expect(results).toContainText(word);
  await results.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/activities/${mine.activityId}\\?level=error&after=${mine.entryId - 1}#entry-${mine.entryId}$`));
  await expect(page.locator(`#entry-${mine.entryId}`)).toBeVisible();

  // The same URL, opened fresh, runs the same search.
  await page.goto(shared);
  await expect(page.getByRole("table", { name: "Search results" }).getByRole("row")).toHaveCount(2);
});

test("the customers page filters failing customers and its CSV export downloads and parses", async ({ page, db, world }) => {
  // A name a spreadsheet would run as a formula: the export must defuse it.
  const mine = await createDedicatedAccount(db, world.reseller1.id, { customerName: `=HYPERLINK("http://evil.test","e2e ${Date.now()}")` });

  await page.goto("/customers");
  await page.getByRole("link", { name: "Failed", exact: true }).click();
  await expect(page).toHaveURL(/[?&]health=failed/);
  await expect(page.getByRole("link", { name: mine.customerName })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
  const records = parseCsv(await readFile((await download.path())!, "utf8"));
  expect(records[0]).toEqual(["customer", "login", "accounts", "health", "last_success_utc", "failures_7d", "used_bytes", "quota_bytes", "fullest_account_percent", "disabled"]);
  const record = records.find((r) => r[0] === `'${mine.customerName}`);
  expect(record, "the dedicated customer, its formula defused").toBeDefined();
  expect(record).toEqual([`'${mine.customerName}`, expect.stringMatching(/^dedicated-/), "1", "failed", "", "1", String(95 * 2 ** 30), String(100 * 2 ** 30), "95", "false"]);
  // Filtered like the page: only customers with a failed account, all of this reseller's.
  expect(records.slice(1).every((r) => r[3] !== "ok")).toBe(true);
});
