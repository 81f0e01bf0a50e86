import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

/**
 * The bot builder end to end, against the production build and without any AI provider (the offline engine:
 * deterministic intents, the best knowledge passage, hand-off). An admin creates a draft config, gives it one intent
 * and one knowledge document (uploaded, ingested by the worker until READY), tries both in the builder's sandbox chat
 * and activates the config. A customer then writes from the /sandbox phone: the bot answers the intent over the real
 * WhatsApp pipeline, the customer asks for a person, and the conversation shows up in /inbox as HUMAN_HANDLING with
 * its hand-off summary.
 *
 * The Demo Café seed has its own active bot ("Asistente Café"); this test works on a config of its own and puts the
 * seeded one back at the end, so the specs that run after it see the seed's state.
 */

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function apiAuth(request: APIRequestContext) {
  const res = await request.post("/api/v1/auth/login", { data: { email: "admin@demo.cx", password: "demo-password" } });
  expect(res.status()).toBe(200);
  return { authorization: `Bearer ${(await res.json()).accessToken}` };
}

type ConfigItem = { id: string; name: string; status: "ACTIVE" | "DRAFT" };

async function listConfigs(request: APIRequestContext, headers: Record<string, string>): Promise<ConfigItem[]> {
  const res = await request.get("/api/v1/bot-config/list", { headers });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).data;
}

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByTestId("login-email").fill("admin@demo.cx");
  await page.getByTestId("login-password").fill("demo-password");
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("app-shell")).toBeVisible();
}

/** Sends one message in the builder's sandbox chat and returns the bot's turn bubble for it (the n-th, 0-based). */
async function askSandbox(page: Page, text: string, n: number) {
  await page.getByTestId("sandbox-input").fill(text);
  await page.getByTestId("sandbox-send").click();
  await expect(page.getByTestId("sandbox-user-message").nth(n)).toHaveText(text);
  const turn = page.getByTestId("sandbox-turn").nth(n);
  await expect(turn).toBeVisible({ timeout: 20_000 });
  return turn;
}

test("an admin builds and activates a bot; it answers a customer and hands off to the inbox with a summary", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const id = unique();
  const configName = `Bot e2e ${id}`;
  const keyword = "cupón";
  const intentReply = `Tu cupón es CAFE-${id}`;
  const street = `Olivo ${id}`;
  const fact = `El estacionamiento gratuito para clientes está en la calle ${street}, detrás de la cafetería.`;
  const docTitle = `estacionamiento ${id}`;
  const customerName = `Cliente bot ${id}`;

  const headers = await apiAuth(request);
  // Whatever ran before: the bot must be on for the org, and the seeded config is what we restore at the end.
  const enabled = await request.put("/api/v1/config/bot-enabled", { headers, data: { enabled: true } });
  expect(enabled.status(), await enabled.text()).toBe(200);
  const previousActive = (await listConfigs(request, headers)).find((c) => c.status === "ACTIVE") ?? null;

  const context = await browser.newContext({ locale: "es-MX" });
  try {
    const page = await context.newPage();
    await signIn(page);

    // 1. Create a draft config: the dialog takes us to its intents.
    await page.goto("/bot");
    await expect(page.getByTestId("bot-overview")).toBeVisible();
    await page.getByTestId("bot-config-create").click();
    await page.getByTestId("bot-config-name-input").fill(configName);
    await page.getByTestId("bot-config-name-submit").click();
    await expect(page).toHaveURL(/\/bot\/intents\?configId=\d+/);
    const configId = new URL(page.url()).searchParams.get("configId")!;
    await expect(page.getByTestId("config-switcher-status")).toHaveText(/borrador/i);

    // 2. One intent: a keyword and a text reply.
    await page.getByTestId("intent-create-empty").click();
    const dialog = page.getByTestId("intent-dialog");
    await dialog.getByTestId("intent-name-input").fill("Cupón");
    await dialog.getByTestId("intent-keywords-input").fill(keyword);
    await dialog.getByTestId("intent-keywords-input").press("Enter");
    await expect(dialog.getByTestId("intent-keywords-input-chips").getByTestId("chip")).toHaveText(keyword);
    await dialog.getByTestId("intent-action-select").selectOption("REPLY");
    await dialog.getByTestId("intent-response-input").fill(intentReply);
    await dialog.getByTestId("intent-save").click();
    await expect(dialog).toBeHidden();
    const intentRow = page.getByTestId("intent-row").filter({ hasText: "Cupón" });
    await expect(intentRow).toContainText(keyword);
    await expect(intentRow).toContainText(intentReply);

    // 3. One knowledge document (the org's knowledge base), ingested by the worker until READY.
    await page.getByTestId("bot-tab-knowledge").click();
    await expect(page.getByTestId("knowledge-page")).toBeVisible();
    await page.getByTestId("knowledge-upload-input").setInputFiles({ name: `estacionamiento-${id}.txt`, mimeType: "text/plain", buffer: Buffer.from(`${fact}\n`, "utf8") });
    const docRow = page.locator(`[data-testid="knowledge-doc-row"][data-title="${docTitle}"]`);
    await expect(docRow).toBeVisible();
    await expect(docRow).toHaveAttribute("data-status", "READY", { timeout: 60_000 });
    await expect(docRow.getByTestId("knowledge-doc-chunks")).not.toHaveText("0");

    // 4. Try the draft in the builder's sandbox: the intent, then a question the knowledge base answers.
    await page.goto(`/bot/sandbox?configId=${configId}`);
    await expect(page.getByTestId("sandbox")).toBeVisible();
    await expect(page.getByTestId("config-switcher-select")).toHaveValue(configId);

    const first = await askSandbox(page, `Hola, ¿me das mi ${keyword}?`, 0);
    await expect(first).toHaveAttribute("data-outcome", "INTENT");
    await expect(first.getByTestId("sandbox-reply")).toHaveText(intentReply);

    const second = await askSandbox(page, `¿Dónde está el estacionamiento gratuito? ${id}`, 1);
    await expect(second).toHaveAttribute("data-outcome", "ANSWERED");
    await expect(second.getByTestId("sandbox-reply")).toContainText(`calle ${street}`);
    await second.getByTestId("sandbox-why-toggle").click();
    await expect(second.getByTestId("sandbox-passage").first()).toContainText(docTitle);

    // 5. Activate it (confirm dialog): it becomes the active config, the seeded one a draft.
    await page.getByTestId("config-switcher-activate").click();
    await page.getByTestId("config-activate-confirm").click();
    await expect(page.getByTestId("config-activate-confirm")).toBeHidden();
    await expect(page.getByTestId("config-switcher-status")).toHaveText(/activa/i);
    await page.goto("/bot");
    await expect(page.locator(`[data-testid="bot-config-row"][data-name="${configName}"]`)).toHaveAttribute("data-status", "ACTIVE");
    await expect(page.locator('[data-testid="bot-config-row"][data-status="ACTIVE"]')).toHaveCount(1);

    // 6. A customer writes the keyword from the sandbox phone: the bot's answer comes back over WhatsApp.
    const phone = await context.newPage();
    await phone.goto("/sandbox");
    await phone.getByTestId("sandbox-new-customer").first().click();
    await phone.getByTestId("sandbox-customer-name").fill(customerName);
    await phone.getByTestId("sandbox-customer-submit").click();
    await expect(phone.getByTestId("sandbox-customer").filter({ hasText: customerName })).toBeVisible();

    const fromCustomer = (text: string) => phone.locator('[data-testid="sandbox-message"][data-from="customer"]').filter({ hasText: text });
    const fromBusiness = (text: string) => phone.locator('[data-testid="sandbox-message"][data-from="business"]').filter({ hasText: text });
    const ask = `Hola, quiero mi ${keyword} ${id}`;
    await phone.getByTestId("sandbox-input").fill(ask);
    await phone.getByTestId("sandbox-send").click();
    await expect(fromCustomer(ask)).toBeVisible();
    await expect(fromBusiness(intentReply)).toBeVisible({ timeout: 30_000 });

    // 7. The customer asks for a person: the conversation goes to the humans.
    const wantsPerson = `Quiero hablar con una persona, por favor (${id})`;
    await phone.getByTestId("sandbox-input").fill(wantsPerson);
    await phone.getByTestId("sandbox-send").click();
    await expect(fromCustomer(wantsPerson)).toBeVisible();

    // 8. In the inbox it shows as HUMAN_HANDLING ("Con agente"), with the bot's answer and the hand-off summary.
    await page.goto("/inbox?view=all");
    const shell = page.getByTestId("app-shell");
    await expect(shell.getByTestId("inbox-list-pane")).toBeVisible();
    const row = shell.locator('[data-testid^="conversation-row-"]').filter({ hasText: customerName });
    await expect(row.locator('[data-status="HUMAN_HANDLING"]')).toBeVisible({ timeout: 30_000 });
    await row.click();
    const thread = shell.getByTestId("conversation-thread");
    await expect(thread.getByTestId("thread-header").locator('[data-status="HUMAN_HANDLING"]')).toBeVisible();
    await expect(thread.getByText(intentReply)).toBeVisible();
    const banner = thread.getByTestId("handoff-banner");
    await expect(banner).toBeVisible();
    await banner.getByTestId("handoff-toggle").click();
    await expect(banner).toContainText(wantsPerson);
    await expect(banner).toContainText(ask);

    // The status filter finds it too.
    await page.goto("/inbox?view=all&status=HUMAN_HANDLING");
    await expect(shell.locator('[data-testid^="conversation-row-"]').filter({ hasText: customerName })).toBeVisible();
  } finally {
    await context.close();
    // Put the seeded bot back in front of customers for the specs that follow.
    if (previousActive) {
      const restored = await request.put(`/api/v1/bot-config/${previousActive.id}/activate`, { headers });
      expect.soft(restored.status(), await restored.text()).toBe(200);
    }
  }
});
