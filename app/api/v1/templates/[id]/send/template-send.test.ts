import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverMessage } from "@/lib/services/messages/send-worker";
import { createAccount, createConversation, createTemplate, startGraphDouble } from "@/lib/services/messages/testing";
import { contacts, conversations, getDb, messages } from "@/lib/testing/db";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { POST as sendToPhone } from "../send-to-phone/route";
import { POST as send } from "./route";

let sim: Awaited<ReturnType<typeof startGraphDouble>>;
let team: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  sim = await startGraphDouble();
  team = await createTeam();
});
afterAll(() => sim.close());

const contactsOf = (orgId: number) => getDb().select().from(contacts).where(eq(contacts.orgId, orgId));

describe("POST /templates/{name}/send", () => {
  it("sends an approved template into a conversation whose window is closed", async () => {
    const { conversation, contact } = await createConversation(team.org, { lastCustomerAt: null });
    const t = await createTemplate(team.org);
    const res = await call(send, { token: team.agentToken, params: { id: t.name }, body: { conversationId: String(conversation.id), parameters: { body: ["Ana", "#7"] } } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      conversationId: String(conversation.id),
      contactId: String(contact.id),
      messageId: res.json.message.id,
      message: { type: "TEMPLATE", templateName: t.name, body: "Hola Ana, tu pedido #7 va en camino.", status: "PENDING" },
    });
    await deliverMessage(Number(res.json.messageId));
    expect(sim.state.sends.at(-1)!.message).toMatchObject({
      to: contact.waId,
      type: "template",
      template: { name: t.name, language: { code: "es_MX" }, components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "text", text: "#7" }] }] },
    });
  });

  it("picks the language asked for; 422 when not approved; 404 for unknown names, another org's template or conversation", async () => {
    const { conversation } = await createConversation(team.org);
    const en = await createTemplate(team.org, { name: "welcome", language: "en_US", components: [{ type: "BODY", text: "Welcome" }] });
    await createTemplate(team.org, { name: "welcome", language: "es_MX", components: [{ type: "BODY", text: "Bienvenido" }] });
    const res = await call(send, { token: team.agentToken, params: { id: "welcome" }, body: { conversationId: conversation.id, language: "en_US" } });
    expect(res.json.message.body).toBe("Welcome");
    const byId = await call(send, { token: team.agentToken, params: { id: String(en.id) }, body: { conversationId: conversation.id } });
    expect(byId.json.message).toMatchObject({ templateName: "welcome", body: "Welcome" });
    const es = await call(send, { token: team.agentToken, params: { id: "welcome" }, body: { conversationId: conversation.id } });
    expect(es.json.message.body).toBe("Bienvenido"); // the org's language (es) first

    const rejected = await createTemplate(team.org, { status: "REJECTED" });
    const r422 = await call(send, { token: team.agentToken, params: { id: rejected.name }, body: { conversationId: conversation.id } });
    expect(r422.status).toBe(422);
    expect(r422.json.error.code).toBe("TEMPLATE_NOT_APPROVED");

    const other = await createTeam();
    const foreignTemplate = await createTemplate(other.org);
    const foreignConversation = await createConversation(other.org);
    for (const [name, conversationId] of [
      ["nope", conversation.id],
      [foreignTemplate.name, conversation.id],
      [String(foreignTemplate.id), conversation.id],
      [en.name, foreignConversation.conversation.id],
    ] as const) {
      const r = await call(send, { token: team.agentToken, params: { id: name }, body: { conversationId } });
      expect(r.status, name).toBe(404);
      expect(r.json.error.code).toBe("NOT_FOUND");
    }
  });
});

describe("POST /templates/{name}/send-to-phone", () => {
  it("creates the contact and its conversation the first time and reuses them afterwards", async () => {
    const { org, adminToken } = await createTeam();
    const account = await createAccount(org);
    const t = await createTemplate(org);
    const body = { phone: "+52 1 55 1234 5678", name: "Ana López", parameters: { body: ["Ana", "#1"] } };
    const first = await call(sendToPhone, { token: adminToken, params: { id: t.name }, body });
    expect(first.status).toBe(201);
    const [contact] = await contactsOf(org.id);
    expect(contact).toMatchObject({ waId: "5215512345678", name: "Ana López" });
    expect(first.json).toMatchObject({ contactId: String(contact.id), message: { templateName: t.name } });
    const [conv] = await getDb().select().from(conversations).where(eq(conversations.id, Number(first.json.conversationId)));
    expect(conv).toMatchObject({ contactId: contact.id, whatsappAccountId: account.id, status: "WAITING_FOR_CUSTOMER", lastMessagePreview: "Hola Ana, tu pedido #1 va en camino." });
    await deliverMessage(Number(first.json.messageId));
    expect(sim.state.sends.at(-1)).toMatchObject({ phoneNumberId: account.phoneNumberId, waId: "5215512345678" });

    // The same number written without Mexico's mobile "1" is the same customer.
    const second = await call(sendToPhone, { token: adminToken, params: { id: t.name }, body: { ...body, phone: "+52 55 1234 5678" } });
    expect(second.status).toBe(201);
    expect(second.json).toMatchObject({ conversationId: first.json.conversationId, contactId: String(contact.id) });
    expect(await contactsOf(org.id)).toHaveLength(1);
    const sent = await getDb()
      .select()
      .from(messages)
      .where(and(eq(messages.orgId, org.id), eq(messages.conversationId, conv.id)));
    expect(sent).toHaveLength(2);
  });

  it("creates nothing when the template cannot be sent; rejects bad numbers", async () => {
    const { org, adminToken } = await createTeam();
    const t = await createTemplate(org);
    const missingValues = await call(sendToPhone, { token: adminToken, params: { id: t.name }, body: { phone: "+1 415 555 0100" } });
    expect(missingValues.status).toBe(400);
    expect(missingValues.json.error.details.map((d: { path: string }) => d.path)).toEqual(["parameters.body.0", "parameters.body.1"]);
    expect((await call(sendToPhone, { token: adminToken, params: { id: "missing" }, body: { phone: "+1 415 555 0100" } })).status).toBe(404);
    const bad = await call(sendToPhone, { token: adminToken, params: { id: t.name }, body: { phone: "call me maybe" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("phone");
    expect(await contactsOf(org.id)).toEqual([]);
  });
});
