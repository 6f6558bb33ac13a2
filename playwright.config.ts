import { defineConfig } from "@playwright/test";
import { DB_DOWN_PORT, E2E_AUTH_SECRET, dbDownUrl, deadDatabaseUrl, portalUrl } from "./e2e/support/e2e-env";

// Importing e2e-env resolves the e2e database on TEST_DATABASE_URL's server and throws when that
// server is not local: the run drops and recreates `strongroom_e2e` there.

const ci = !!process.env.CI;
// Opt-in for iterating on the suites against a portal started by hand (`tsx e2e/support/serve.ts`);
// the teardown then keeps the database. Never on CI, where a stale server must fail the run.
const reuse = !ci && process.env.E2E_REUSE_SERVER === "1";

export default defineConfig({
  testDir: "e2e",
  globalTeardown: "./e2e/support/global-teardown.ts",
  // 2 cores: one browser, one portal under test at a time; the suites also share one database.
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: ci ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: portalUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium, never a downloaded browser (`playwright install` cannot reach its host).
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    {
      name: "portal",
      testMatch: /\.spec\.ts$/,
      testIgnore: /database-down\.spec\.ts$/,
      dependencies: ["setup"],
    },
    {
      name: "database-down",
      testMatch: /database-down\.spec\.ts$/,
      use: { baseURL: dbDownUrl },
      dependencies: ["setup"],
    },
  ],
  webServer: [
    {
      name: "portal",
      command: "node_modules/.bin/tsx e2e/support/serve.ts",
      url: `${portalUrl}/login`,
      reuseExistingServer: reuse,
      // Drop, create, migrate and seed the database, then start: well under a minute on 2 cores.
      timeout: 180_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      name: "database-down",
      command: `node_modules/.bin/next start -p ${DB_DOWN_PORT}`,
      url: `${dbDownUrl}/login`,
      reuseExistingServer: reuse,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        NODE_ENV: "production",
        DATABASE_URL: deadDatabaseUrl,
        AUTH_SECRET: E2E_AUTH_SECRET,
        AUTH_URL: dbDownUrl,
      },
    },
  ],
});
