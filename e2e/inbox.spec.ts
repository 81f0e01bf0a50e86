import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { turnBotOff } from "./support/bot";

/**
 * The agent inbox with three people on three screens, against the production build: a customer writes from /sandbox,
 * two agents (Andrea, admin; Bruno, agent) watch /inbox. Everything one of them does is a real click or keystroke, and
 * the others must see it live, without a reload: the new message, Andrea taking the conversation over, each other
 * viewing it, Andrea typing, a quick reply inserted with "/" (placeholders filled), a tag added in the contact panel,
 * and the reply reaching the customer's phone with its ticks at "read".
 */

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function login(request: APIRequestContext, email: string) {
  const res = await request.post("/api/v1/auth/login", { data: { email, password: "demo-password" } });
  expect(res.status()).toBe(200);
  const json = await res.json();
  return { authorization: `Bearer ${json.accessToken}`, id: String(json.user.id), name: String(json.user.name) };
}

async function signIn(browser: Browser, email: string) {
  const context = await browser.newContext({ locale: "es-MX" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill("demo-password");
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("app-shell")).toBeVisible();
  return { context, page };
}

const rowNamed = (page: Page, name: string) => page.locator('[data-testid^="conversation-row-"]').filter({ hasText: name });

test("two agents and a customer: message, take-over, presence, typing, quick reply, tag and read ticks, all live", async ({ browser, request }) => {
  const id = unique();
  const customerName = `Marta ${id}`;
  const shortcut = `envio-${id}`;
  const tagName = `vip-${id}`;

  // Test data through the API: a quick reply with placeholders and a tag, both unique to this run.
  const andrea = await login(request, "admin@demo.cx");
  const bruno = await login(request, "agent1@demo.cx");
  const headers = { authorization: andrea.authorization };
  await turnBotOff(request, andrea.authorization);
  const reply = await request.post("/api/v1/quick-replies", {
    headers,
    data: { shortcut, title: `Envío ${id}`, body: "Hola {{first_name}}, soy {{agent}}: tu pedido ({{name}}) sale hoy." },
  });
  expect(reply.status(), await reply.text()).toBe(201);
  const tag = await request.post("/api/v1/tags", { headers, data: { name: tagName, color: "teal" } });
  expect(tag.status(), await tag.text()).toBe(201);
  const filled = `Hola Marta, soy ${andrea.name}: tu pedido (${customerName}) sale hoy.`;

  const [a, b, phone] = await Promise.all([signIn(browser, "admin@demo.cx"), signIn(browser, "agent1@demo.cx"), signIn(browser, "admin@demo.cx")]);
  for (const { page } of [a, b]) {
    await page.goto("/inbox?view=all");
    // Scoped to the shell: while the page streams in, React briefly holds a hidden copy of the view at the body's end.
    await expect(page.getByTestId("app-shell").getByTestId("inbox-list-pane")).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Conectado en tiempo real" })).toBeVisible();
  }

  // 1. The customer writes from the sandbox phone; the conversation appears in both inboxes.
  await phone.page.goto("/sandbox");
  await phone.page.getByTestId("sandbox-new-customer").first().click();
  await phone.page.getByTestId("sandbox-customer-name").fill(customerName);
  await phone.page.getByTestId("sandbox-customer-submit").click();
  await expect(phone.page.getByTestId("sandbox-customer").filter({ hasText: customerName })).toBeVisible();
  const question = `¿Ya salió mi pedido? ${id}`;
  await phone.page.getByTestId("sandbox-input").fill(question);
  await phone.page.getByTestId("sandbox-send").click();
  await expect(phone.page.locator('[data-testid="sandbox-message"][data-from="customer"]').filter({ hasText: question })).toBeVisible();

  for (const { page } of [a, b]) await expect(rowNamed(page, customerName)).toContainText(question);
  const rowTestId = await rowNamed(a.page, customerName).getAttribute("data-testid");
  const conversationId = rowTestId!.replace("conversation-row-", "");

  // Both open it and see the message; each sees the other among the viewers (presence-conversation channel).
  for (const { page } of [a, b]) {
    await rowNamed(page, customerName).click();
    await expect(page.getByTestId("conversation-thread")).toHaveAttribute("data-conversation-id", conversationId);
    await expect(page.getByTestId("conversation-thread").getByText(question)).toBeVisible();
  }
  await expect(a.page.getByTestId(`viewing-${bruno.id}`)).toBeVisible();
  await expect(b.page.getByTestId(`viewing-${andrea.id}`)).toBeVisible();

  // 2. Andrea takes it over; Bruno sees it assigned to her in the thread header and in the list row.
  await expect(b.page.getByTestId("thread-assignee")).not.toContainText(andrea.name);
  await a.page.getByTestId("take-over").click();
  await expect(a.page.getByTestId("thread-assignee")).toContainText(andrea.name);
  await expect(b.page.getByTestId("thread-assignee")).toContainText(andrea.name);
  await expect(b.page.getByTestId(`conversation-row-${conversationId}`)).toContainText(andrea.name);
  await expect(b.page.getByTestId("take-over")).toBeHidden();

  // 3 + 5. Andrea types "/" and the shortcut: Bruno sees her typing; the quick reply goes in with its placeholders filled.
  const composer = a.page.getByTestId("composer-input");
  await composer.click();
  await composer.pressSequentially(`/${shortcut.slice(0, 10)}`);
  await expect(b.page.getByTestId("typing-indicator")).toContainText(andrea.name);
  await a.page.getByTestId(`quick-reply-option-${shortcut}`).click();
  await expect(composer).toHaveValue(filled);
  await composer.press("Enter");
  await expect(composer).toHaveValue("");

  const sent = (page: Page) => page.locator('[data-testid^="message-"][data-direction="OUTBOUND"]').filter({ hasText: filled });
  await expect(sent(b.page)).toBeVisible();
  await expect(b.page.getByTestId("typing-indicator")).toBeHidden();

  // 6. The reply reaches the customer's phone and its ticks reach "read" there and in both inboxes.
  const onPhone = phone.page.locator('[data-testid="sandbox-message"][data-from="business"]').filter({ hasText: filled });
  await expect(onPhone).toBeVisible();
  await expect(onPhone.getByTestId("ticks")).toHaveAttribute("data-status", "READ", { timeout: 20_000 });
  for (const { page } of [a, b]) await expect(sent(page).getByTestId("ticks")).toHaveAttribute("data-status", "READ");

  // 4. Andrea adds the tag in the contact panel; Bruno sees it in his panel and in the list row.
  await a.page.getByTestId("contact-panel").getByTestId("add-tag").click();
  await a.page.getByTestId("tag-search").fill(tagName);
  await a.page.getByTestId(`tag-option-${tagName}`).click();
  await expect(a.page.getByTestId("conversation-tags")).toContainText(tagName);
  await expect(b.page.getByTestId("contact-panel").getByTestId("conversation-tags")).toContainText(tagName);
  await expect(b.page.getByTestId(`conversation-row-${conversationId}`)).toContainText(tagName);

  await Promise.all([a.context.close(), b.context.close(), phone.context.close()]);
});
