import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { resellers } from "../db/schema";
import { accountRow, createDedicatedAccount } from "./support/dedicated";
import { authFile, type ActorName } from "./support/e2e-env";
import { expect, test } from "./support/fixtures";
import { loginUrl } from "./support/login-form";
import { captureAction, replayAction } from "./support/server-actions";
import { createFreshReseller } from "./support/users";
import type { World } from "./support/world";

/**
 * Who may open which page, with the ids of their own and other tenants' objects. An actor outside
 * an object's tenant, or a role that may not use a page, gets the same 404 as an id that does not
 * exist: nothing tells them the object is there. Anonymous visitors are sent to /login.
 */

type Actor = ActorName | "anonymous";
const signedIn: ActorName[] = ["admin", "reseller1", "reseller2", "customerA", "customerB"];

interface PageCase {
  /** Stable title; ids are looked up at run time. */
  title: string;
  path: (w: World) => string;
  allowed: ActorName[];
  /** Text a permitted actor must see: the object's own name. */
  shows: (w: World) => string[];
}

const pages: PageCase[] = [
  { title: "/backups", path: () => "/backups", allowed: ["customerA", "customerB"], shows: () => ["My backups"] },
  {
    title: "/accounts/[account of customer A]",
    path: (w) => `/accounts/${w.accountA.id}`,
    allowed: ["admin", "reseller1", "customerA"],
    shows: (w) => [w.accountA.loginName],
  },
  {
    title: "/accounts/[account of customer A2, also of R1]",
    path: (w) => `/accounts/${w.accountA2.id}`,
    allowed: ["admin", "reseller1"],
    shows: (w) => [w.accountA2.loginName],
  },
  {
    title: "/accounts/[account of customer B]",
    path: (w) => `/accounts/${w.accountB.id}`,
    allowed: ["admin", "reseller2", "customerB"],
    shows: (w) => [w.accountB.loginName],
  },
  { title: "/customers", path: () => "/customers", allowed: ["admin", "reseller1", "reseller2"], shows: () => [] },
  {
    title: "/customers/[customer A]",
    path: (w) => `/customers/${w.customerA.id}`,
    allowed: ["admin", "reseller1"],
    shows: (w) => [w.customerA.name],
  },
  {
    title: "/customers/[customer B]",
    path: (w) => `/customers/${w.customerB.id}`,
    allowed: ["admin", "reseller2"],
    shows: (w) => [w.customerB.name],
  },
  // Users that exist but are not customers are no customer page, for anyone.
  { title: "/customers/[reseller user of R1]", path: (w) => `/customers/${w.resellerUser1.id}`, allowed: [], shows: () => [] },
  { title: "/customers/[the admin user]", path: (w) => `/customers/${w.admin.id}`, allowed: [], shows: () => [] },
  {
    title: "/activities/[activity of account A]",
    path: (w) => `/activities/${w.activityA.id}`,
    allowed: ["admin", "reseller1", "customerA"],
    shows: (w) => [w.accountA.loginName, "Download log (text)"],
  },
  {
    title: "/activities/[activity of account B]",
    path: (w) => `/activities/${w.activityB.id}`,
    allowed: ["admin", "reseller2", "customerB"],
    shows: (w) => [w.accountB.loginName],
  },
  { title: "/activities", path: () => "/activities", allowed: ["admin", "reseller1", "reseller2", "customerA", "customerB"], shows: () => ["Activity"] },
  {
    title: "/activities?account=[account of customer A]",
    path: (w) => `/activities?account=${w.accountA.id}`,
    allowed: ["admin", "reseller1", "customerA"],
    shows: (w) => [`Activity of ${w.accountA.loginName}`],
  },
  {
    title: "/activities?account=[account of customer B]&status=failed",
    path: (w) => `/activities?account=${w.accountB.id}&status=failed`,
    allowed: ["admin", "reseller2", "customerB"],
    shows: (w) => [`Activity of ${w.accountB.loginName}`],
  },
  {
    title: "/accounts/[account of customer A]/snapshots",
    path: (w) => `/accounts/${w.accountA.id}/snapshots`,
    allowed: ["admin", "reseller1", "customerA"],
    shows: (w) => [`Snapshots of ${w.accountA.loginName}`],
  },
  {
    title: "/accounts/[account of customer B]/snapshots",
    path: (w) => `/accounts/${w.accountB.id}/snapshots`,
    allowed: ["admin", "reseller2", "customerB"],
    shows: (w) => [`Snapshots of ${w.accountB.loginName}`],
  },
  { title: "/resellers", path: () => "/resellers", allowed: ["admin"], shows: (w) => [w.reseller1.name, w.reseller2.name] },
  { title: "/resellers/[R1]", path: (w) => `/resellers/${w.reseller1.id}`, allowed: ["admin"], shows: (w) => [w.reseller1.name] },
  { title: "/resellers/[R2]", path: (w) => `/resellers/${w.reseller2.id}`, allowed: ["admin"], shows: (w) => [w.reseller2.name] },
  { title: "/search", path: () => "/search", allowed: ["admin", "reseller1", "reseller2"], shows: () => ["Support search"] },
  {
    title: "/search?customer=[customer B]&status=failed",
    path: (w) => `/search?customer=${w.customerB.id}&status=failed`,
    allowed: ["admin", "reseller1", "reseller2"],
    shows: () => ["Support search"],
  },
];

/** Names of objects in the case's path that must not appear on a 404 page. */
function objectNames(w: World, path: string): string[] {
  const [, kind, id] = path.split("/");
  const n = Number(id);
  if (kind === "accounts") return w.accounts.filter((a) => a.id === n).map((a) => a.loginName);
  if (kind === "activities") {
    const activity = [w.activityA, w.activityB].find((a) => a.id === n);
    return w.accounts.filter((a) => a.id === activity?.accountId).map((a) => a.loginName);
  }
  if (kind === "customers") return w.customers.filter((c) => c.id === n).map((c) => c.name);
  if (kind === "resellers") return w.resellers.filter((r) => r.id === n).map((r) => r.name);
  return [];
}

/** Names the actor's own navigation may show on any page: its user's name and its reseller's. */
function ownNames(w: World, actor: ActorName): string[] {
  switch (actor) {
    case "admin":
      return [w.admin.name];
    case "reseller1":
      return [w.resellerUser1.name, w.reseller1.name];
    case "reseller2":
      return [w.resellerUser2.name, w.reseller2.name];
    case "customerA":
      return [w.customerA.name, w.reseller1.name];
    case "customerB":
      return [w.customerB.name, w.reseller2.name];
  }
}

async function expectNotFound(page: Page, path: string, hidden: string[] = []): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers 404`).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  const body = await page.locator("body").innerText();
  for (const name of hidden) expect(body, `the 404 for ${path} names nothing of the object`).not.toContain(name);
}

async function expectAllowed(page: Page, path: string, shows: string[]): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers 200`).toBe(200);
  await expect(page).toHaveURL(path);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Not found" })).toHaveCount(0);
  for (const text of shows) await expect(page.getByText(text).first()).toBeVisible();
}

for (const actor of [...signedIn, "anonymous"] as Actor[]) {
  test.describe(`as ${actor}`, () => {
    test.use({ storageState: actor === "anonymous" ? { cookies: [], origins: [] } : authFile(actor) });

    for (const c of pages) {
      if (actor === "anonymous") {
        test(`${c.title} redirects to /login`, async ({ page, world }) => {
          await page.goto(c.path(world));
          await expect(page).toHaveURL(loginUrl);
          await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
        });
      } else if (c.allowed.includes(actor)) {
        test(`${c.title} answers 200`, async ({ page, world }) => {
          await expectAllowed(page, c.path(world), c.shows(world));
        });
      } else {
        test(`${c.title} answers 404`, async ({ page, world }) => {
          const path = c.path(world);
          const own = ownNames(world, actor);
          await expectNotFound(page, path, objectNames(world, path).filter((name) => !own.includes(name)));
        });
      }
    }

    if (actor !== "anonymous") {
      // Malformed and unknown ids: 404 before any lookup, for every role, on every detail page.
      for (const route of ["accounts", "activities", "customers", "resellers"]) {
        test(`/${route}/<malformed or unknown id> answers 404`, async ({ page, world }) => {
          const ids = ["abc", "0", "-1", "1.5", "1e3", "%20", "99999999999999999999", "9007199254740993", String(world.unknownId)];
          for (const id of ids) await expectNotFound(page, `/${route}/${id}`);
        });
      }
    }
  });
}

/** Names of others that could be mistaken for a substring of what the actor may see are skipped. */
function absentNames(body: string, forbidden: string[], allowed: string[]): string[] {
  return forbidden.filter((name) => !allowed.some((a) => a.includes(name)) && body.includes(name));
}

test.describe("each actor sees only its own tenant's data", () => {
  for (const [actor, resellerKey, userKey] of [
    ["reseller1", "reseller1", "resellerUser1"],
    ["reseller2", "reseller2", "resellerUser2"],
  ] as const) {
    test.describe(() => {
      test.use({ storageState: authFile(actor) });

      test(`${actor}'s /customers lists its customers and none of another reseller's`, async ({ page, world }) => {
        const resellerId = world[resellerKey].id;
        const own = world.customers.filter((c) => c.resellerId === resellerId);
        const others = world.customers.filter((c) => c.resellerId !== resellerId);
        expect(own.length).toBeGreaterThan(0);
        expect(others.length).toBeGreaterThan(0);

        await expectAllowed(page, "/customers", own.map((c) => c.name));
        const body = await page.locator("body").innerText();
        const allowedNames = [...own.map((c) => c.name), world[userKey].name, world[resellerKey].name];
        expect(absentNames(body, others.map((c) => c.name), allowedNames), "other tenants' customers on the page").toEqual([]);
        expect(absentNames(body, world.resellers.filter((r) => r.id !== resellerId).map((r) => r.name), allowedNames)).toEqual([]);
      });
    });
  }

  test.describe(() => {
    test.use({ storageState: authFile("admin") });

    test("admin's /customers lists customers of every reseller", async ({ page, world }) => {
      await expectAllowed(page, "/customers", [world.customerA.name, world.customerA2.name, world.customerB.name]);
    });

    test("admin's /resellers lists every reseller", async ({ page, world }) => {
      await expectAllowed(page, "/resellers", world.resellers.map((r) => r.name));
    });
  });

  for (const [actor, customerKey] of [
    ["customerA", "customerA"],
    ["customerB", "customerB"],
  ] as const) {
    test.describe(() => {
      test.use({ storageState: authFile(actor) });

      test(`${actor}'s /backups lists its accounts and no one else's`, async ({ page, world }) => {
        const customer = world[customerKey];
        const own = world.accounts.filter((a) => a.customerUserId === customer.id);
        const others = world.accounts.filter((a) => a.customerUserId !== customer.id);
        await expectAllowed(page, "/backups", ["My backups", ...own.map((a) => a.loginName)]);
        const body = await page.locator("body").innerText();
        const ownNames = [...own.map((a) => a.loginName), customer.name];
        expect(absentNames(body, others.map((a) => a.loginName), ownNames), "other customers' accounts on the page").toEqual([]);
        expect(absentNames(body, world.customers.filter((c) => c.id !== customer.id).map((c) => c.name), ownNames)).toEqual([]);
      });

      test(`${actor}'s account page shows none of another customer's accounts`, async ({ page, world }) => {
        const customer = world[customerKey];
        const account = customerKey === "customerA" ? world.accountA : world.accountB;
        await expectAllowed(page, `/accounts/${account.id}`, [account.loginName]);
        const body = await page.locator("body").innerText();
        const others = world.accounts.filter((a) => a.customerUserId !== customer.id).map((a) => a.loginName);
        expect(absentNames(body, others, [account.loginName, customer.name])).toEqual([]);
        // A customer reads its account; settings and the audit trail are the reseller's.
        await expect(page.getByRole("button", { name: /Suspend account|Reset password|Save/ })).toHaveCount(0);
        await expect(page.getByRole("heading", { name: "Audit trail" })).toHaveCount(0);
      });
    });
  }

  test.describe(() => {
    test.use({ storageState: authFile("reseller1") });

    test("reseller1's support search for customer B's failures finds nothing of B's", async ({ page, world }) => {
      await expectAllowed(page, `/search?customer=${world.customerB.id}&since=30d`, ["Nothing matches this search"]);
      const body = await page.locator("body").innerText();
      const others = world.accounts.filter((a) => a.resellerId !== world.reseller1.id).map((a) => a.loginName);
      expect(absentNames(body, [...others, world.customerB.name], [world.resellerUser1.name, world.reseller1.name])).toEqual([]);
    });

    test("reseller1's customer page shows none of another customer's accounts", async ({ page, world }) => {
      const own = world.accounts.filter((a) => a.customerUserId === world.customerA.id);
      await expectAllowed(page, `/customers/${world.customerA.id}`, [world.customerA.name]);
      const body = await page.locator("body").innerText();
      const others = world.accounts.filter((a) => a.customerUserId !== world.customerA.id).map((a) => a.loginName);
      expect(absentNames(body, others, [...own.map((a) => a.loginName), world.customerA.name])).toEqual([]);
    });
  });
});

test.describe("/customers/export.csv answers only within the actor's tenant", () => {
  const cells: [Actor, number][] = [
    ["admin", 200],
    ["reseller1", 200],
    ["reseller2", 200],
    ["customerA", 404],
    ["customerB", 404],
    ["anonymous", 401],
  ];
  for (const [actor, status] of cells) {
    test.describe(() => {
      test.use({ storageState: actor === "anonymous" ? { cookies: [], origins: [] } : authFile(actor) });
      test(`as ${actor}: ${status}`, async ({ page, world }) => {
        const response = await page.request.get("/customers/export.csv");
        expect(response.status()).toBe(status);
        const body = await response.text();
        const logins = (resellerId: number) => world.customers.filter((c) => c.resellerId === resellerId).map((c) => c.login);
        if (status !== 200) {
          for (const login of world.customers.map((c) => c.login)) expect(body).not.toContain(login);
          return;
        }
        expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
        const own = actor === "admin" ? world.customers.map((c) => c.login) : logins(world[actor === "reseller1" ? "reseller1" : "reseller2"].id);
        const others = world.customers.map((c) => c.login).filter((l) => !own.includes(l));
        for (const login of own) expect(body).toContain(login);
        for (const login of others) expect(body).not.toContain(login);
        // A reseller cannot widen its export with another reseller's id.
        if (actor === "reseller1") expect(await (await page.request.get(`/customers/export.csv?reseller=${world.reseller2.id}`)).text()).not.toContain(world.customerB.login);
      });
    });
  }
});

/**
 * Every new server action, replayed by each actor against a dedicated account of R1 and a dedicated
 * reseller (see captureAction): only the allowed actors succeed; for the rest the answer is
 * "Not found." (or a signed-out message) and the database row is unchanged.
 */
test.describe("server actions answer Not found outside the actor's tenant and change nothing", () => {
  const denied = (allowed: ActorName[]) => [...signedIn.filter((a) => !allowed.includes(a)), "anonymous" as const];

  test("account settings: quota, interval, suspend, password reset", async ({ browser, db, world }) => {
    test.setTimeout(90_000);
    const mine = await createDedicatedAccount(db, world.reseller1.id);
    const page = `/accounts/${mine.accountId}`;
    const actions = [
      await captureAction(browser, page, async (p) => {
        await p.getByLabel("Quota", { exact: true }).fill("100G");
        await p.getByRole("button", { name: "Save" }).first().click();
      }),
      await captureAction(browser, page, async (p) => {
        await p.getByLabel("Expected backup interval").fill("24h");
        await p.getByRole("button", { name: "Save" }).nth(1).click();
      }),
      await captureAction(browser, page, (p) => p.getByRole("button", { name: "Suspend account" }).click()),
      await captureAction(browser, page, (p) => p.getByRole("button", { name: "Reset password" }).click()),
    ];
    const before = await accountRow(db, mine.accountId);
    for (const action of actions) {
      for (const actor of denied(["admin", "reseller1"])) {
        const { body } = await replayAction(action, actor);
        expect(body, `${actor} replaying ${action.headers["next-action"]}`).toContain(actor === "anonymous" ? "Your session has ended" : '"error":"Not found."');
      }
    }
    expect(await accountRow(db, mine.accountId), "denied replays changed nothing").toEqual(before);
    for (const actor of ["reseller1", "admin"] as const) {
      for (const action of actions) expect((await replayAction(action, actor)).body, `${actor} may`).toContain('"ok":true');
    }
    const after = await accountRow(db, mine.accountId);
    expect(after.status).toBe("suspended");
    expect(after.passwordHash).not.toBe(before.passwordHash);
  });

  test("reseller management: create, rename, disable", async ({ browser, db }) => {
    test.setTimeout(90_000);
    const { resellerId } = await createFreshReseller(db);
    const tag = randomBytes(4).toString("hex");
    const actions = {
      create: await captureAction(browser, "/resellers", async (p) => {
        await p.getByText("New reseller", { exact: true }).click();
        await p.getByLabel("Reseller name").fill(`E2E replayed ${tag}`);
        await p.getByLabel("First user's login").fill(`replayed-${tag}@reseller.test`);
        await p.getByLabel("First user's password").fill(`replayed-pass-${tag}`);
        await p.getByRole("button", { name: "Create reseller" }).click();
      }),
      rename: await captureAction(browser, `/resellers/${resellerId}`, async (p) => {
        await p.getByLabel("Name", { exact: true }).fill(`E2E renamed ${tag}`);
        await p.getByRole("button", { name: "Save" }).click();
      }),
      disable: await captureAction(browser, `/resellers/${resellerId}`, (p) => p.getByRole("button", { name: "Disable reseller" }).click()),
    };
    const snapshot = async () => ({
      target: await db.select().from(resellers).where(eq(resellers.id, resellerId)),
      created: await db.select().from(resellers).where(eq(resellers.name, `E2E replayed ${tag}`)),
    });
    const before = await snapshot();
    for (const [name, action] of Object.entries(actions)) {
      for (const actor of denied(["admin"])) {
        const { body } = await replayAction(action, actor);
        expect(body, `${actor} replaying ${name}`).toContain(actor === "anonymous" ? "Your session has ended" : '"error":"Not found."');
      }
    }
    expect(await snapshot(), "denied replays changed nothing").toEqual(before);
    expect(before.created).toEqual([]);

    expect((await replayAction(actions.rename, "admin")).body).toContain('"ok":true');
    expect((await replayAction(actions.disable, "admin")).body).toContain('"ok":true');
    await replayAction(actions.create, "admin"); // answers with a redirect to the new reseller
    const after = await snapshot();
    expect(after.target[0]).toMatchObject({ name: `E2E renamed ${tag}`, disabled: true });
    expect(after.created).toHaveLength(1);
  });
});
