import { expect, test, type APIRequestContext } from "@playwright/test";
import { turnBotOff } from "./support/bot";

/**
 * The sandbox number end to end, against the production build (the server needs DEV_TOOLS=true): a customer writes
 * from /sandbox, the real webhook pipeline stores it and the API shows it; the business answers through the outbound
 * path (a template, approved by the simulator's review webhook), the answer reaches the customer's phone and its ticks
 * reach "read"; the customer taps the template's quick reply and that lands too.
 */

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function apiToken(request: APIRequestContext) {
  const res = await request.post("/api/v1/auth/login", { data: { email: "admin@demo.cx", password: "demo-password" } });
  expect(res.status()).toBe(200);
  return `Bearer ${(await res.json()).accessToken}`;
}

test("a customer writes from /sandbox and the business's reply comes back with its ticks", async ({ browser, request }) => {
  const id = unique();
  await turnBotOff(request, await apiToken(request));
  const context = await browser.newContext({ locale: "es-MX" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByTestId("login-email").fill("admin@demo.cx");
  await page.getByTestId("login-password").fill("demo-password");
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("app-shell")).toBeVisible();

  await page.getByTestId("nav-sandbox").click();
  await expect(page.getByTestId("sandbox-number")).toBeVisible();
  await page.getByTestId("sandbox-new-customer").first().click();
  await page.getByTestId("sandbox-customer-name").fill(`Cliente ${id}`);
  await page.getByTestId("sandbox-customer-submit").click();
  await expect(page.getByTestId("sandbox-customer").filter({ hasText: `Cliente ${id}` })).toBeVisible();

  const text = `Hola, ¿tienen envío a domicilio? ${id}`;
  await page.getByTestId("sandbox-input").fill(text);
  await page.getByTestId("sandbox-send").click();
  const mine = page.locator('[data-testid="sandbox-message"][data-from="customer"]').filter({ hasText: text });
  // Shown once the pipeline stored it (the pending bubble has another test id).
  await expect(mine).toBeVisible();

  // Stored, and visible through the API.
  const authorization = await apiToken(request);
  const customers = await (await request.get("/api/v1/sandbox/customers", { headers: { authorization } })).json();
  const customer = customers.data.find((c: { name: string }) => c.name === `Cliente ${id}`);
  expect(customer?.conversationId).toBeTruthy();
  const thread = await (await request.get(`/api/v1/sandbox/customers/${customer.id}/thread`, { headers: { authorization } })).json();
  expect(thread.messages).toEqual([expect.objectContaining({ from: "customer", type: "TEXT", body: text, wamid: expect.stringMatching(/^wamid\./) })]);

  // The business answers through the outbound path with a template, which the simulator approves by webhook first.
  const name = `sandbox_e2e_${id.replace(/[^a-z0-9]/g, "")}`;
  const created = await request.post("/api/v1/templates", {
    headers: { authorization },
    data: {
      name,
      language: "es_MX",
      category: "UTILITY",
      components: [
        { type: "BODY", text: `¡Gracias por escribir! Te enviamos hoy mismo (${id}).` },
        { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Perfecto" }] },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const statusOf = async () => {
    const list = await (await request.get(`/api/v1/templates?search=${name}`, { headers: { authorization } })).json();
    return list.data.find((t: { name: string }) => t.name === name)?.status;
  };
  await expect.poll(statusOf, { timeout: 20_000 }).toBe("APPROVED");
  const sent = await request.post(`/api/v1/templates/${name}/send`, { headers: { authorization }, data: { conversationId: customer.conversationId } });
  expect(sent.status(), await sent.text()).toBe(201);

  const reply = page.locator('[data-testid="sandbox-message"][data-from="business"]').filter({ hasText: `Te enviamos hoy mismo (${id})` });
  await expect(reply).toBeVisible();
  await expect(reply.getByTestId("ticks")).toHaveAttribute("data-status", "READ", { timeout: 20_000 });

  await reply.getByTestId("sandbox-reply-button").filter({ hasText: "Perfecto" }).click();
  await expect(page.locator('[data-testid="sandbox-message"][data-from="customer"]').filter({ hasText: "Perfecto" })).toBeVisible();

  await context.close();
});
