import { expect, test, type Page } from "@playwright/test";

/**
 * The foundation's user journey, once per language: register an organization → sign out and in again → invite an
 * agent → open the invitation from the dev mailbox → the agent sets a password, signs in and sees the shell.
 */
const LANGS = [
  { locale: "es", users: "Usuarios" },
  { locale: "en", users: "Users" },
] as const;

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("app-shell")).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByTestId("user-menu").click();
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/login/);
}

for (const lang of LANGS) {
  test(`register, invite an agent and accept the invitation (${lang.locale})`, async ({ browser }) => {
    const id = unique();
    const admin = { email: `admin-${id}@example.test`, password: "admin-password-1" };
    const agent = { email: `agent-${id}@example.test`, name: `Agent ${id}`, password: "agent-password-1" };

    const adminContext = await browser.newContext({ locale: lang.locale === "en" ? "en-US" : "es-MX" });
    await adminContext.addCookies([{ name: "NEXT_LOCALE", value: lang.locale, url: test.info().project.use.baseURL! }]);
    const page = await adminContext.newPage();

    await page.goto("/register");
    await page.getByTestId("register-company").fill(`Company ${id}`);
    await page.getByTestId("register-name").fill("Admin Person");
    await page.getByTestId("register-email").fill(admin.email);
    await page.getByTestId("register-password").fill(admin.password);
    await page.getByTestId("register-submit").click();
    await expect(page.getByTestId("app-shell")).toBeVisible();
    await expect(page.getByTestId("nav-users")).toContainText(lang.users);

    await signOut(page);
    await signIn(page, admin.email, admin.password);

    await page.getByTestId("nav-users").click();
    await page.getByTestId("invite-open").click();
    await page.getByTestId("invite-email").fill(agent.email);
    await page.getByTestId("invite-name").fill(agent.name);
    await page.getByTestId("invite-submit").click();
    await expect(page.locator(`[data-testid="user-row"][data-email="${agent.email}"]`)).toBeVisible();

    await page.getByTestId("nav-dev-mailbox").click();
    await page.getByTestId("mail-row").filter({ hasText: agent.email }).first().click();
    const link = page.getByTestId("mail-link").filter({ hasText: "/invite/" }).first();
    const inviteUrl = await link.getAttribute("href");
    expect(inviteUrl).toContain("/invite/");

    const agentContext = await browser.newContext({ locale: lang.locale === "en" ? "en-US" : "es-MX" });
    await agentContext.addCookies([{ name: "NEXT_LOCALE", value: lang.locale, url: test.info().project.use.baseURL! }]);
    const agentPage = await agentContext.newPage();
    await agentPage.goto(inviteUrl!);
    const nameField = agentPage.getByTestId("invite-name");
    if (await nameField.isVisible()) await nameField.fill(agent.name);
    await agentPage.getByTestId("invite-password").fill(agent.password);
    await agentPage.getByTestId("invite-submit").click();
    await expect(agentPage.getByTestId("app-shell")).toBeVisible();
    await expect(agentPage.getByTestId("nav-users")).toContainText(lang.users);

    await signOut(agentPage);
    await signIn(agentPage, agent.email, agent.password);

    // The admin's list shows the agent as active now, without a reload (realtime) or after one at worst.
    await page.getByTestId("nav-users").click();
    await expect(page.locator(`[data-testid="user-row"][data-email="${agent.email}"]`)).toBeVisible();

    await adminContext.close();
    await agentContext.close();
  });
}
