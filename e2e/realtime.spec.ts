import { expect, test } from "@playwright/test";

/** Two people in two browsers: what one does appears live on the other's screen, with no reload. */
test("an agent's presence change reaches the admin's users page live", async ({ browser }) => {
  const signIn = async (email: string) => {
    const context = await browser.newContext({ locale: "es-MX" });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByTestId("login-email").fill(email);
    await page.getByTestId("login-password").fill("demo-password");
    await page.getByTestId("login-submit").click();
    await expect(page.getByTestId("app-shell")).toBeVisible();
    return { context, page };
  };
  const admin = await signIn("admin@demo.cx");
  const agent = await signIn("agent2@demo.cx");

  await admin.page.goto("/settings/users");
  const row = admin.page.locator('[data-testid="user-row"][data-email="agent2@demo.cx"]');
  await expect(row).toBeVisible();
  await expect(admin.page.getByText("Conectado en tiempo real")).toBeVisible();

  for (const [status, label] of [["busy", "Ocupado"], ["away", "Ausente"]] as const) {
    await agent.page.getByTestId("user-menu").click();
    await agent.page.getByTestId(`presence-${status}`).click();
    await expect(row).toContainText(label);
  }

  await admin.context.close();
  await agent.context.close();
});
