import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests run against the production build on its own port, data directory, database and realtime port,
 * so they never touch a developer's `.data/`. Browsers: Debian's Chromium by default (Playwright's download is not
 * reachable here); set CHROMIUM_PATH to use another binary, or CHROMIUM_PATH="" to use Playwright's own.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "./e2e",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromium || undefined,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "rm -rf .data/e2e && npm run build && npm start",
    url: `http://localhost:${PORT}/api/v1/ready`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      DATA_DIR: ".data/e2e",
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "54339",
      REALTIME_PORT: process.env.E2E_REALTIME_PORT ?? "6011",
      NEXT_TELEMETRY_DISABLED: "1",
      // The dev mailbox is how the tests read invitation mails.
      DEV_MAILBOX: "true",
      // The sandbox page and /dev/simulate are development tools; the e2e run uses a production build.
      DEV_TOOLS: "true",
      RATE_LIMIT_MULTIPLIER: "20",
    },
  },
});
