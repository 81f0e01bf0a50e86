import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTemplateRow } from "@/lib/testing/account-factories";
import { getDb, templates, whatsappAccounts } from "@/lib/testing/db";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { withGraphDouble } from "@/lib/testing/graph-double";
import { DELETE as deleteTemplate } from "./[id]/route";
import { PUT as updateDraft } from "./[id]/draft/route";
import { POST as duplicate } from "./[id]/duplicate/route";
import { POST as submit } from "./[id]/submit/route";
import { POST as bulk } from "./bulk/route";
import { POST as createDraft } from "./draft/route";
import { GET as list, POST as create } from "./route";

const id = (t: { id: string | number }) => ({ id: String(t.id) });
const row = async (templateId: string | number) => (await getDb().select().from(templates).where(eq(templates.id, Number(templateId))))[0];
const names = (res: { json: { data: { name: string }[] } }) => res.json.data.map((t) => t.name);

const valid = (name = "order_update", extra: Record<string, unknown> = {}) => ({
  name,
  language: "es_MX",
  category: "UTILITY",
  components: [
    { type: "HEADER", format: "TEXT", text: "Pedido {{1}}", example: { header_text: ["#1234"] } },
    { type: "BODY", text: "Hola {{1}}, tu pedido llega el {{2}} por la tarde.", example: { body_text: [["Ana", "lunes"]] } },
    { type: "FOOTER", text: "Gracias por tu compra" },
    {
      type: "BUTTONS",
      buttons: [
        { type: "QUICK_REPLY", text: "Gracias" },
        { type: "QUICK_REPLY", text: "Cambiar fecha" },
        { type: "URL", text: "Ver pedido", url: "https://shop.example/orders/{{1}}", example: ["https://shop.example/orders/1234"] },
        { type: "PHONE_NUMBER", text: "Llamar", phone_number: "+525512345678" },
      ],
    },
  ],
  ...extra,
});

const double = withGraphDouble({ delays: { template: 600_000 } });

describe("POST /templates", () => {
  it("submits a valid template through the sandbox number: PENDING with Meta's id", async () => {
    const { org, adminToken } = await createTeam();
    const res = await call(create, { token: adminToken, body: valid() });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: "order_update", language: "es_MX", category: "UTILITY", status: "PENDING", rejectedReason: null });
    expect(res.json.metaTemplateId).toMatch(/^\d{15}$/);
    expect(res.json.submittedAt).not.toBeNull();
    const [sandbox] = await getDb().select().from(whatsappAccounts).where(eq(whatsappAccounts.orgId, org.id));
    expect(sandbox.isSandbox).toBe(true);
    expect(res.json.whatsappAccountId).toBe(String(sandbox.id));
    const sent = double.sim.requests.find((r) => r.method === "POST" && r.path === `/${sandbox.wabaId}/message_templates`);
    expect(sent?.body).toMatchObject({ name: "order_update", language: "es_MX", category: "UTILITY", components: valid().components });
    expect(double.sim.state.templates.get(res.json.metaTemplateId)?.status).toBe("PENDING");
  });

  it("answers 400 with one precise detail per broken rule", async () => {
    const { adminToken } = await createTeam();
    const res = await call(create, {
      token: adminToken,
      body: {
        name: "promo",
        category: "MARKETING",
        components: [
          { type: "HEADER", format: "TEXT", text: `{{1}} and {{2}} ${"x".repeat(60)}` },
          { type: "BODY", text: "{{1}} hola {{3}} adiós" },
          { type: "FOOTER", text: "f".repeat(61) },
          {
            type: "BUTTONS",
            buttons: [
              { type: "QUICK_REPLY", text: "Sí" },
              { type: "URL", text: "Web", url: "https://a.example/{{1}}/x" },
              { type: "QUICK_REPLY", text: "No" },
              { type: "PHONE_NUMBER", text: "Llamar", phone_number: "abc" },
              { type: "PHONE_NUMBER", text: "Otro teléfono largo de más", phone_number: "+525500000000" },
            ],
          },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("VALIDATION_ERROR");
    expect(res.json.error.details).toEqual(
      expect.arrayContaining([
        { path: "components.0.text", message: "must be at most 60 characters (has 76)" },
        { path: "components.0.text", message: "may contain at most 1 variable" },
        { path: "components.0.example.header_text", message: "needs 2 example values, one per variable" },
        { path: "components.1.text", message: "variables must be consecutive starting at {{1}}; missing {{2}}" },
        { path: "components.1.text", message: "must not start or end with a variable" },
        { path: "components.1.example.body_text", message: "needs 3 example values, one per variable" },
        { path: "components.2.text", message: "must be at most 60 characters (has 61)" },
        { path: "components.3.buttons", message: "at most 1 PHONE_NUMBER button (has 2)" },
        { path: "components.3.buttons", message: "quick reply buttons must be grouped together, before or after the other buttons" },
        { path: "components.3.buttons.1.url", message: "may contain one variable, {{1}}, only at the end" },
        { path: "components.3.buttons.3.phone_number", message: "must be a phone number in international format, at most 20 characters" },
        { path: "components.3.buttons.4.text", message: "must be at most 25 characters (has 26)" },
      ]),
    );
    expect(double.sim.requests.some((r) => r.method === "POST" && /message_templates$/.test(r.path) && (r.body as { name?: string })?.name === "promo")).toBe(false);
  });

  it("checks button limits, header media handles, names and shapes", async () => {
    const { adminToken } = await createTeam();
    const body = (components: unknown[], extra = {}) => ({ name: "checks", category: "MARKETING", components, ...extra });
    const details = async (b: unknown) => (await call(create, { token: adminToken, body: b })).json.error.details;
    const quick = Array.from({ length: 11 }, (_, i) => ({ type: "QUICK_REPLY", text: `Opción ${i}` }));
    expect(await details(body([{ type: "BODY", text: "Hola" }, { type: "BUTTONS", buttons: quick }]))).toEqual([{ path: "components.1.buttons", message: "at most 10 buttons" }]);
    const urls = Array.from({ length: 3 }, (_, i) => ({ type: "URL", text: `Web ${i}`, url: "https://a.example" }));
    expect(await details(body([{ type: "BODY", text: "Hola" }, { type: "BUTTONS", buttons: urls }]))).toEqual([{ path: "components.1.buttons", message: "at most 2 URL buttons (has 3)" }]);
    expect(await details(body([{ type: "HEADER", format: "IMAGE" }, { type: "BODY", text: "Hola" }]))).toEqual([
      { path: "components.0.example.header_handle", message: "needs the handle of the uploaded image (POST /templates/upload-media)" },
    ]);
    expect(await details(body([{ type: "HEADER", format: "TEXT" }]))).toEqual([
      { path: "components", message: "must contain a BODY" },
      { path: "components.0.text", message: "is required" },
    ]);
    expect(await details(body([{ type: "BODY", text: "Hola {{nombre}}" }, { type: "BODY", text: "x" }]))).toEqual([
      { path: "components", message: "must contain at most one BODY" },
      { path: "components.0.text", message: "uses {{nombre}}: variables must be numbered {{1}}, {{2}}…" },
    ]);
    expect(await details(body([{ type: "BODY", text: "x".repeat(1025) }]))).toEqual([{ path: "components.0.text", message: "must be at most 1024 characters (has 1025)" }]);
    const shape = await details({ name: "Bad Name", category: "PROMO", components: [{ type: "BODY", text: "x", colour: "red" }] });
    expect(shape.map((d: { path: string }) => d.path).sort()).toEqual(["category", "components.0.colour", "name"]);
  });

  it("refuses a taken name in the same language (409) and passes on Meta's refusal as 422 META_REJECTED, storing nothing", async () => {
    const { org, adminToken } = await createTeam();
    expect((await call(create, { token: adminToken, body: valid("welcome") })).status).toBe(201);
    const taken = await call(create, { token: adminToken, body: valid("welcome") });
    expect(taken.status).toBe(409);
    expect(taken.json.error.details).toEqual([{ path: "name", message: "is already used in this language" }]);
    expect((await call(create, { token: adminToken, body: valid("welcome", { language: "en_US" }) })).status).toBe(201);

    double.sim.failNext({ code: 100, message: "Invalid parameter", details: "Message template language is not supported", match: (c) => c.method === "POST" && c.path.endsWith("/message_templates") });
    const refused = await call(create, { token: adminToken, body: valid("refused") });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: "META_REJECTED", message: "Invalid parameter" });
    expect(refused.json.error.details).toContainEqual({ path: "meta.details", message: "Message template language is not supported" });
    const rows = await getDb().select().from(templates).where(eq(templates.orgId, org.id));
    expect(rows.map((r) => r.name).sort()).toEqual(["welcome", "welcome"]);
  });
});

describe("drafts", () => {
  it("saves an unfinished draft, updates it, and submits it: DRAFT → PENDING", async () => {
    const { adminToken } = await createTeam();
    const draft = await call(createDraft, { token: adminToken, body: { name: "draft_one", category: "MARKETING", components: [{ type: "HEADER", format: "TEXT", text: "Hola {{1}}" }] } });
    expect(draft.status).toBe(201);
    expect(draft.json).toMatchObject({ status: "DRAFT", metaTemplateId: null, language: "es_MX" });

    const incomplete = await call(submit, { token: adminToken, params: id(draft.json) });
    expect(incomplete.status).toBe(400);
    expect(incomplete.json.error.details).toEqual([
      { path: "components", message: "must contain a BODY" },
      { path: "components.0.example.header_text", message: "needs 1 example value, one per variable" },
    ]);

    const tooLong = await call(updateDraft, { token: adminToken, params: id(draft.json), body: { components: [{ type: "FOOTER", text: "x".repeat(70) }] } });
    expect(tooLong.status).toBe(400);

    const updated = await call(updateDraft, { token: adminToken, params: id(draft.json), body: { category: "UTILITY", components: valid().components } });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ status: "DRAFT", category: "UTILITY", name: "draft_one" });

    const submitted = await call(submit, { token: adminToken, params: id(draft.json) });
    expect(submitted.status).toBe(200);
    expect(submitted.json).toMatchObject({ id: draft.json.id, status: "PENDING" });
    expect(submitted.json.metaTemplateId).toMatch(/^\d+$/);
    expect(double.sim.state.templates.get(submitted.json.metaTemplateId)).toMatchObject({ name: "draft_one", status: "PENDING" });

    const again = await call(submit, { token: adminToken, params: id(draft.json) });
    expect(again.status).toBe(422);
    expect(again.json.error.code).toBe("TEMPLATE_NOT_DRAFT");
    const notDraft = await call(updateDraft, { token: adminToken, params: id(draft.json), body: { name: "renamed" } });
    expect(notDraft.json.error.code).toBe("TEMPLATE_NOT_DRAFT");
  });

  it("keeps names unique per language among drafts; agents can read but not write", async () => {
    const { adminToken, agentToken } = await createTeam();
    await call(createDraft, { token: adminToken, body: { name: "dup", category: "MARKETING" } });
    const clash = await call(createDraft, { token: adminToken, body: { name: "dup", category: "MARKETING" } });
    expect(clash.status).toBe(409);
    const other = await call(createDraft, { token: adminToken, body: { name: "other", category: "MARKETING" } });
    expect((await call(updateDraft, { token: adminToken, params: id(other.json), body: { name: "dup" } })).status).toBe(409);
    expect((await call(createDraft, { token: agentToken, body: { name: "mine", category: "MARKETING" } })).status).toBe(403);
    expect((await call(list, { token: agentToken })).status).toBe(200);
  });
});

describe("GET /templates", () => {
  it("lists live templates by name with filters; removed ones only when asked", async () => {
    const { org, adminToken } = await createTeam();
    const other = await createTeam();
    await createTemplateRow(org, { name: "alpha", status: "APPROVED", category: "UTILITY" });
    await createTemplateRow(org, { name: "beta", status: "PENDING", category: "MARKETING", language: "en_US" });
    await createTemplateRow(org, { name: "gamma_promo", status: "REJECTED", category: "MARKETING", rejectedReason: "INVALID_FORMAT" });
    await createTemplateRow(org, { name: "gone", status: "REMOVED", deletedAt: new Date() });
    await createTemplateRow(other.org, { name: "foreign" });

    const all = await call(list, { token: adminToken });
    expect(all.json).toMatchObject({ total: 3, page: 1, limit: 20 });
    expect(names(all)).toEqual(["alpha", "beta", "gamma_promo"]);
    expect(names(await call(list, { token: adminToken, query: { status: "APPROVED" } }))).toEqual(["alpha"]);
    expect(names(await call(list, { token: adminToken, query: { category: "MARKETING" } }))).toEqual(["beta", "gamma_promo"]);
    expect(names(await call(list, { token: adminToken, query: { language: "en_US" } }))).toEqual(["beta"]);
    expect(names(await call(list, { token: adminToken, query: { search: "PROMO" } }))).toEqual(["gamma_promo"]);
    expect(names(await call(list, { token: adminToken, query: { search: "%" } }))).toEqual([]);
    expect(names(await call(list, { token: adminToken, query: { status: "REMOVED" } }))).toEqual(["gone"]);
    expect((await call(list, { token: adminToken, query: { page: "2", limit: "2" } })).json).toMatchObject({ total: 3, data: [{ name: "gamma_promo" }] });
    expect((await call(list, { token: adminToken, query: { status: "LIVE" } })).status).toBe(400);
  });
});

describe("DELETE /templates/{id}, duplicate and bulk", () => {
  it("soft-deletes (REMOVED + deletedAt), freeing the name", async () => {
    const { org, adminToken } = await createTeam();
    const t = await createTemplateRow(org, { name: "old_offer" });
    expect((await call(deleteTemplate, { token: adminToken, params: id(t) })).status).toBe(204);
    const removed = await row(t.id);
    expect(removed.status).toBe("REMOVED");
    expect(removed.deletedAt).not.toBeNull();
    expect((await call(deleteTemplate, { token: adminToken, params: id(t) })).status).toBe(404);
    expect((await call(createDraft, { token: adminToken, body: { name: "old_offer", category: "MARKETING" } })).status).toBe(201);
  });

  it("duplicates as a DRAFT named _copy, then _copy_2", async () => {
    const { org, adminToken } = await createTeam();
    const t = await createTemplateRow(org, { name: "promo", status: "APPROVED", headerHandle: "4::h" });
    const first = await call(duplicate, { token: adminToken, params: id(t) });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ name: "promo_copy", status: "DRAFT", metaTemplateId: null, components: t.components, category: t.category });
    expect((await call(duplicate, { token: adminToken, params: id(t) })).json.name).toBe("promo_copy_2");
    expect((await call(duplicate, { token: adminToken, params: id(first.json) })).json.name).toBe("promo_copy_copy");
  });

  it("applies bulk actions template by template and reports failures", async () => {
    const { org, adminToken } = await createTeam();
    const other = await createTeam();
    const approved = await createTemplateRow(org, { name: "approved_one" });
    const draft = (await call(createDraft, { token: adminToken, body: valid("bulk_draft") })).json;
    const foreign = await createTemplateRow(other.org, { name: "foreign" });

    const submitted = await call(bulk, { token: adminToken, body: { action: "submit", selection: { mode: "ids", ids: [approved.id, draft.id, foreign.id] } } });
    expect(submitted.json).toEqual({
      action: "submit",
      matched: 2,
      succeeded: 1,
      failed: [{ id: String(approved.id), code: "TEMPLATE_NOT_DRAFT", message: expect.any(String) }],
    });
    expect((await row(draft.id)).status).toBe("PENDING");

    const copied = await call(bulk, { token: adminToken, body: { action: "duplicate", selection: { mode: "all", filters: { status: "APPROVED" } } } });
    expect(copied.json).toMatchObject({ matched: 1, succeeded: 1 });
    expect(names(await call(list, { token: adminToken, query: { status: "DRAFT" } }))).toEqual(["approved_one_copy"]);

    const deleted = await call(bulk, { token: adminToken, body: { action: "delete", selection: { mode: "all", excludeIds: [approved.id] } } });
    expect(deleted.json).toMatchObject({ matched: 2, succeeded: 2, failed: [] });
    expect(names(await call(list, { token: adminToken }))).toEqual(["approved_one"]);
    expect((await row(foreign.id)).status).toBe("APPROVED");
  });
});
