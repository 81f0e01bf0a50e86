import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createTemplateRow, createWhatsappAccount } from "@/lib/testing/account-factories";
import { getDb, storedFiles, templates } from "@/lib/testing/db";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { graph } from "@/lib/whatsapp/graph";
import { withGraphDouble } from "@/lib/testing/graph-double";
import { PUT as edit } from "./[id]/route";
import { GET as headerMedia } from "./[id]/header-media/route";
import { DELETE as deleteAtMeta } from "./[id]/meta/route";
import { POST as create } from "./route";
import { POST as sync } from "./sync/route";
import { POST as upload } from "./upload-media/route";

const id = (t: { id: string | number }) => ({ id: String(t.id) });
const row = async (templateId: string | number) => (await getDb().select().from(templates).where(eq(templates.id, Number(templateId))))[0];
const body = (text: string) => [{ type: "BODY", text }];

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypmp42"), Buffer.alloc(200, 2)]);
const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(200, 3)]);
const form = (bytes: Buffer, type: string, name = "header.bin") => {
  const f = new FormData();
  f.set("file", new Blob([new Uint8Array(bytes)], { type }), name);
  return f;
};
const setEnv = (vars: Record<string, string | undefined>) => {
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
  resetEnvCache();
};

const double = withGraphDouble({ delays: { template: 600_000 } });

describe("PUT /templates/{id} (edit at Meta)", () => {
  it("edits reviewed templates only, and the edit goes back to review", async () => {
    const { adminToken } = await createTeam();
    const created = (await call(create, { token: adminToken, body: { name: "editable", category: "UTILITY", components: body("Hola, gracias.") } })).json;
    const pending = await call(edit, { token: adminToken, params: id(created), body: { components: body("Hola de nuevo.") } });
    expect(pending.status).toBe(422);
    expect(pending.json.error.code).toBe("TEMPLATE_NOT_EDITABLE");

    await getDb().update(templates).set({ status: "REJECTED", rejectedReason: "INVALID_FORMAT" }).where(eq(templates.id, Number(created.id)));
    const invalid = await call(edit, { token: adminToken, params: id(created), body: { components: body("{{1}}") } });
    expect(invalid.status).toBe(400);
    const res = await call(edit, { token: adminToken, params: id(created), body: { components: body("Hola de nuevo, {{1}}.").map((c) => ({ ...c, example: { body_text: [["Ana"]] } })) } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "PENDING", rejectedReason: null, components: [{ type: "BODY", text: "Hola de nuevo, {{1}}." }] });
    expect(double.sim.requests.at(-1)).toMatchObject({ method: "POST", path: `/${created.metaTemplateId}`, status: 200 });
    expect(double.sim.state.templates.get(created.metaTemplateId)?.components).toEqual(res.json.components);
  });
});

describe("DELETE /templates/{id}/meta", () => {
  it("deletes this language version at Meta, then marks it REMOVED here", async () => {
    const { adminToken } = await createTeam();
    const created = (await call(create, { token: adminToken, body: { name: "to_delete", category: "UTILITY", components: body("Adiós, gracias.") } })).json;
    const res = await call(deleteAtMeta, { token: adminToken, params: id(created) });
    expect(res.status).toBe(204);
    expect(double.sim.requests.at(-1)).toMatchObject({ method: "DELETE", query: { name: "to_delete", hsm_id: created.metaTemplateId }, status: 200 });
    expect(double.sim.state.templates.has(created.metaTemplateId)).toBe(false);
    expect(await row(created.id)).toMatchObject({ status: "REMOVED", deletedAt: expect.any(Date) });
  });

  it("keeps the template when Meta refuses (422 META_REJECTED)", async () => {
    const { org, adminToken } = await createTeam();
    await createWhatsappAccount(org);
    const t = await createTemplateRow(org, { name: "unknown_at_meta" });
    const res = await call(deleteAtMeta, { token: adminToken, params: id(t) });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("META_REJECTED");
    expect((await row(t.id)).status).toBe("APPROVED");
  });
});

describe("POST /templates/sync", () => {
  it("upserts Meta's templates by id across pages and removes the ones Meta no longer has", async () => {
    const { org, adminToken } = await createTeam();
    const token = "EAAGsync0123456789abcdefghijkl";
    const account = await createWhatsappAccount(org, { token });
    const client = graph({ phoneNumberId: account.phoneNumberId, wabaId: account.wabaId, accessToken: token, isSandbox: false });
    // 105 templates: more than one page of 100.
    const remote = [];
    for (let i = 0; i < 105; i++) remote.push(await client.createTemplate({ name: `bulk_${String(i).padStart(3, "0")}`, language: "es_MX", category: "MARKETING", components: body(`Oferta ${i}`) }));
    const known = double.sim.state.templates.get(remote[0].id)!;
    known.status = "APPROVED";

    const stale = await createTemplateRow(org, { name: "bulk_000", metaTemplateId: remote[0].id, status: "PENDING", whatsappAccountId: account.id, components: body("old text") });
    const gone = await createTemplateRow(org, { name: "gone_at_meta", whatsappAccountId: account.id });
    const draft = await createTemplateRow(org, { name: "local_draft", status: "DRAFT", metaTemplateId: null, whatsappAccountId: account.id });
    const other = await createTeam();
    const foreign = await createTemplateRow(other.org, { name: "bulk_001", metaTemplateId: remote[1].id });

    const res = await call(sync, { token: adminToken });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ accounts: 1, fetched: 105, created: 104, updated: 1, removed: 1 });
    expect(double.sim.requests.filter((r) => r.method === "GET" && r.path === `/${account.wabaId}/message_templates`)).toHaveLength(2);

    expect(await row(stale.id)).toMatchObject({ status: "APPROVED", components: body("Oferta 0"), qualityScore: "UNKNOWN", category: "MARKETING" });
    expect(await row(gone.id)).toMatchObject({ status: "REMOVED", deletedAt: expect.any(Date) });
    expect((await row(draft.id)).status).toBe("DRAFT");
    expect((await row(foreign.id)).orgId).toBe(other.org.id);
    const imported = await getDb().select().from(templates).where(and(eq(templates.orgId, org.id), eq(templates.name, "bulk_104")));
    expect(imported[0]).toMatchObject({ status: "PENDING", metaTemplateId: remote[104].id, whatsappAccountId: account.id });

    const again = await call(sync, { token: adminToken });
    expect(again.json).toEqual({ accounts: 1, fetched: 105, created: 0, updated: 0, removed: 0 });
  });

  it("fails as a whole on Meta's refusal", async () => {
    const { org, adminToken } = await createTeam();
    await createWhatsappAccount(org);
    double.sim.failNext({ code: 190, status: 401, message: "Error validating access token", match: (c) => c.method === "GET" && c.path.endsWith("/message_templates") });
    const res = await call(sync, { token: adminToken });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: "META_REJECTED", message: "Error validating access token" });
  });
});

describe("POST /templates/upload-media and GET /templates/{id}/header-media", () => {
  it("stores the file and returns Meta's resumable-upload handle (sandbox: no Meta app needed)", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    const res = await call(upload, { token: adminToken, form: form(PNG, "image/png", "promo.png") });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ contentType: "image/png", size: PNG.length, url: `/api/files/${res.json.fileId}` });
    expect(res.json.handle).toMatch(/^4::/);
    const [file] = await getDb().select().from(storedFiles).where(eq(storedFiles.id, Number(res.json.fileId)));
    expect(file).toMatchObject({ orgId: org.id, purpose: "template-header", originalName: "promo.png" });

    const components = [
      { type: "HEADER", format: "IMAGE", example: { header_handle: [res.json.handle] } },
      { type: "BODY", text: "Mira nuestra oferta de temporada." },
    ];
    const created = await call(create, { token: adminToken, body: { name: "with_image", category: "MARKETING", components, headerMediaFileId: res.json.fileId } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ headerMediaFileId: res.json.fileId, headerMediaUrl: `/api/v1/templates/${created.json.id}/header-media` });
    expect((await row(created.json.id)).headerHandle).toBe(res.json.handle);

    const served = await call(headerMedia, { token: agentToken, params: id(created.json) });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("content-disposition")).toContain("inline");
    const noMedia = await createTemplateRow(org);
    expect((await call(headerMedia, { token: agentToken, params: id(noMedia) })).status).toBe(404);

    for (const [bytes, type] of [[MP4, "video/mp4"], [PDF, "application/pdf"]] as const) {
      const ok = await call(upload, { token: adminToken, form: form(bytes, type) });
      expect(ok.status, type).toBe(201);
      expect(ok.json.contentType).toBe(type);
    }
    const unknownFile = await call(create, { token: adminToken, body: { name: "bad_file", category: "MARKETING", components: body("Hola."), headerMediaFileId: "999999" } });
    expect(unknownFile.json.error.details).toEqual([{ path: "headerMediaFileId", message: "names no uploaded file" }]);
  });

  it("refuses types (415) and sizes (413) WhatsApp does not take, naming what it does", async () => {
    const { adminToken, agentToken } = await createTeam();
    const gif = await call(upload, { token: adminToken, form: form(Buffer.from("GIF89a-------"), "image/gif") });
    expect(gif.status).toBe(415);
    expect(gif.json.error.message).toContain("image/jpeg (5 MB), image/png (5 MB), video/mp4 (16 MB), application/pdf (100 MB)");
    const disguised = await call(upload, { token: adminToken, form: form(Buffer.from("<html>not a png</html>"), "image/png") });
    expect(disguised.status).toBe(415);
    const mismatch = await call(upload, { token: adminToken, form: form(PDF, "image/png") });
    expect(mismatch.status).toBe(415);
    const big = await call(upload, { token: adminToken, form: form(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), "image/png") });
    expect(big.status).toBe(413);
    expect(big.json.error.message).toContain("image/png header may be at most 5 MB");
    const bigVideo = await call(upload, { token: adminToken, form: form(Buffer.concat([MP4, Buffer.alloc(16 * 1024 * 1024)]), "video/mp4") });
    expect(bigVideo.status).toBe(413);
    expect((await call(upload, { token: adminToken, form: new FormData() })).status).toBe(400);
    expect((await call(upload, { token: agentToken, form: form(PNG, "image/png") })).status).toBe(403);
  });

  it("needs META_APP_ID for a real number (503 NOT_CONFIGURED) and stores nothing then", async () => {
    const { org, adminToken } = await createTeam();
    await createWhatsappAccount(org);
    const res = await call(upload, { token: adminToken, form: form(PNG, "image/png") });
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe("NOT_CONFIGURED");
    expect(await getDb().select().from(storedFiles).where(eq(storedFiles.orgId, org.id))).toEqual([]);

    setEnv({ META_APP_ID: "1234567890" });
    try {
      const ok = await call(upload, { token: adminToken, form: form(PNG, "image/png") });
      expect(ok.status).toBe(201);
      expect(double.sim.requests.some((r) => r.path === "/1234567890/uploads" && r.query.file_type === "image/png")).toBe(true);
    } finally {
      setEnv({ META_APP_ID: undefined });
    }
  });
});
