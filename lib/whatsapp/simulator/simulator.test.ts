import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { exchangeSignupCode, graph, GraphError, resumableUpload } from "@/lib/whatsapp/graph";
import { verifySignature } from "@/lib/whatsapp/signature";
import type { WaMessagesValue, WaStatus, WaWebhookPayload } from "@/lib/whatsapp/webhook-types";
import { inboundPayload } from "./payloads";
import { startGraphSimulator, type GraphSimulatorServer } from "./server";

const SECRET = "test-meta-app-secret-0123456789";
const delivered: { payload: WaWebhookPayload; signature: string; raw: string }[] = [];
let sim: GraphSimulatorServer;

const client = (token = "any-token") => graph({ phoneNumberId: "1001", wabaId: "2002", accessToken: token, isSandbox: false });
const statusesOf = (wamid: string) =>
  delivered
    .flatMap((d) => d.payload.entry.flatMap((e) => e.changes))
    .flatMap((c): WaStatus[] => (c.field === "messages" ? ((c.value as WaMessagesValue).statuses ?? []) : []))
    .filter((s) => s.id === wamid);

beforeAll(async () => {
  sim = await startGraphSimulator({
    onDeliver: (payload, signature, raw) => void delivered.push({ payload, signature, raw }),
    number: (id) => (id === "1001" ? { wabaId: "2002", displayPhoneNumber: "+1 555 010 0001", verifiedName: "Café Central" } : undefined),
  });
  process.env.META_GRAPH_URL = sim.url;
  process.env.META_APP_ID = "app-123";
  resetEnvCache();
});
afterAll(async () => {
  await sim.close();
  delete process.env.META_APP_ID;
  resetEnvCache();
});
beforeEach(() => {
  delivered.length = 0;
});

describe("Graph simulator: messages", () => {
  it("accepts a send like Meta and then delivers signed sent → delivered → read callbacks in order", async () => {
    const out = await client().sendMessage({ to: "+52 1 55 1234 5678", type: "text", text: { body: "Hola" } });
    expect(out.wamid).toMatch(/^wamid\.SIM/);
    expect(out.waId).toBe("5215512345678");
    const call = sim.requests.at(-1)!;
    expect(call).toMatchObject({ method: "POST", path: "/1001/messages", status: 200, body: { to: "+52 1 55 1234 5678", type: "text" } });

    await sim.idle();
    const statuses = statusesOf(out.wamid);
    expect(statuses.map((s) => s.status)).toEqual(["sent", "delivered", "read"]);
    expect(statuses[0]).toMatchObject({ recipient_id: "5215512345678", pricing: { category: "service", billable: false } });
    for (const d of delivered) {
      expect(verifySignature(d.raw, d.signature, SECRET)).toBe(true);
      expect(d.payload.entry[0]).toMatchObject({ id: "2002", changes: [{ field: "messages", value: { metadata: { phone_number_id: "1001", display_phone_number: "15550100001" } } }] });
    }
  });

  it("accepts a send to a number that is not on WhatsApp, then reports it failed with 131026", async () => {
    const { wamid } = await client().sendMessage({ to: "9995550000", type: "text", text: { body: "?" } });
    await sim.idle();
    const [failed, ...rest] = statusesOf(wamid);
    expect(rest).toEqual([]);
    expect(failed).toMatchObject({ status: "failed", errors: [{ code: 131026, title: "Message undeliverable" }] });
    expect(sim.state.sends.at(-1)).toMatchObject({ wamid, outcome: "failed" });
  });

  it("validates like Meta: missing fields answer (#100) in Meta's envelope", async () => {
    const err = await client().sendMessage({ to: "5215512345678", type: "text", text: {} }).catch((e: GraphError) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect(err).toMatchObject({ status: 400, code: 100, message: "(#100) The parameter text['body'] is required." });
    const buttons = await client()
      .sendMessage({ to: "5215512345678", type: "interactive", interactive: { type: "button", body: { text: "Pick" }, action: { buttons: [] } } })
      .catch((e: GraphError) => e);
    expect(buttons).toMatchObject({ code: 100, details: "interactive.action.buttons must have 1 to 3 buttons" });
    expect(await client().sendMessage({ to: "12", type: "text", text: { body: "x" } }).catch((e: GraphError) => e)).toMatchObject({ code: 100 });
  });

  it("records mark-as-read with the typing indicator", async () => {
    await client().markRead("wamid.customer-1", true);
    expect(sim.state.reads.get("wamid.customer-1")).toMatchObject({ phoneNumberId: "1001", typing: true });
  });

  it("answers 190 without a token, and injected errors on demand", async () => {
    const res = await fetch(`${sim.url}/v21.0/1001/messages`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatchObject({ code: 190, type: "OAuthException" });
    const bad = await client("").phoneNumber().catch((e: GraphError) => e);
    expect(bad).toMatchObject({ code: 190, status: 401 });

    sim.failNext({ code: 130429, message: "(#130429) Rate limit hit" });
    const limited = await client().sendMessage({ to: "5215512345678", text: { body: "x" } }).catch((e: GraphError) => e);
    expect(limited).toMatchObject({ code: 130429, status: 429 });
    expect((await client().sendMessage({ to: "5215512345678", text: { body: "x" } })).wamid).toBeTruthy();
  });
});

describe("Graph simulator: media, numbers, uploads", () => {
  it("round-trips media: upload → info → download with the bearer token", async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
    const id = await client().uploadMedia(bytes, "image/png", "dot.png");
    const info = await client().mediaInfo(id);
    expect(info).toMatchObject({ mime_type: "image/png", file_size: bytes.length, id });
    expect(info.url.startsWith(sim.url)).toBe(true);
    expect(Buffer.compare(await client().downloadMedia(info.url), bytes)).toBe(0);
    expect((await fetch(info.url)).status).toBe(401);

    const refused = await client()
      .uploadMedia(Buffer.from("MZ"), "application/x-msdownload", "x.exe")
      .catch((e: GraphError) => e);
    expect(refused).toMatchObject({ code: 131053 });
  });

  it("reads the phone number's health fields", async () => {
    expect(await client().phoneNumber()).toMatchObject({ id: "1001", display_phone_number: "+1 555 010 0001", verified_name: "Café Central", quality_rating: "GREEN", status: "CONNECTED" });
  });

  it("runs the resumable upload and the signup code exchange", async () => {
    const h = await resumableUpload({ appId: "app-123", accessToken: "t", isSandbox: false, data: Buffer.from("abc"), mimeType: "image/jpeg", filename: "h.jpg" });
    expect(h).toMatch(/^4::/);
    expect(await exchangeSignupCode("the-code")).toBe("SIM-the-code-token");
  });

  it("delivers inbound payloads signed", async () => {
    const { payload, wamids } = inboundPayload({
      number: { phoneNumberId: "1001", wabaId: "2002", displayPhoneNumber: "+1 555 010 0001" },
      from: "5215500000001",
      profileName: "Ana",
      messages: [{ type: "text", text: { body: "hola" } }],
    });
    await sim.deliver(payload);
    expect(delivered).toHaveLength(1);
    expect(verifySignature(delivered[0].raw, delivered[0].signature, SECRET)).toBe(true);
    expect(delivered[0].payload.entry[0].changes[0]).toMatchObject({ value: { messages: [{ id: wamids[0], from: "5215500000001", type: "text" }] } });
  });
});

describe("Graph simulator: templates", () => {
  const templateEvents = () =>
    delivered.flatMap((d) => d.payload.entry.flatMap((e) => e.changes)).filter((c) => c.field === "message_template_status_update").map((c) => c.value);

  it("creates PENDING, then approves by signed webhook; names with 'reject' are rejected", async () => {
    const body = [{ type: "BODY", text: "Hola {{1}}" }];
    const ok = await client().createTemplate({ name: "welcome", language: "es_MX", category: "UTILITY", components: body });
    expect(ok).toMatchObject({ status: "PENDING", category: "UTILITY" });
    const no = await client().createTemplate({ name: "please_reject_me", language: "es_MX", category: "MARKETING", components: body });
    await sim.idle();
    expect(templateEvents()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ event: "APPROVED", message_template_id: Number(ok.id), message_template_name: "welcome", message_template_language: "es_MX" }),
        expect.objectContaining({ event: "REJECTED", message_template_id: Number(no.id), reason: "INVALID_FORMAT" }),
      ]),
    );
    expect(delivered.every((d) => verifySignature(d.raw, d.signature, SECRET))).toBe(true);

    const dup = await client().createTemplate({ name: "welcome", language: "es_MX", category: "UTILITY", components: body }).catch((e: GraphError) => e);
    expect(dup).toMatchObject({ code: 100, subcode: 2388024 });

    const list = await client().listTemplates();
    expect(list.data.map((t) => [t.name, t.status])).toEqual([
      ["welcome", "APPROVED"],
      ["please_reject_me", "REJECTED"],
    ]);
    expect(await client().editTemplate(ok.id, { components: [{ type: "BODY", text: "Hi {{1}}" }] })).toEqual({ success: true });
    expect(await client().deleteTemplate("please_reject_me")).toEqual({ success: true });
    expect((await client().listTemplates()).data.map((t) => t.name)).toEqual(["welcome"]);
  });
});
