import { and, count, eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { encryptSecret } from "@/lib/crypto/secrets";
import { botChunks, botConfigs, botDocuments, botIntents, botMedia, botTools, connections, getDb, storedFiles, teams } from "@/lib/testing/db";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { auditOf } from "@/lib/testing/inspect";
import { GET as mediaFileRoute } from "../media/[id]/file/route";
import { POST as uploadMediaRoute } from "../media/route";
import { GET as exportZipRoute } from "../export-zip/route";
import { POST as importRoute } from "../import/route";
import { GET as exportRoute } from "./route";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 7)]);

function upload(bytes: Uint8Array | string, type: string, name: string, extra: Record<string, string> = {}) {
  const f = new FormData();
  f.set("file", new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], { type }), name);
  for (const [k, v] of Object.entries(extra)) f.set(k, v);
  return f;
}

const countOf = async (table: typeof botConfigs | typeof botIntents | typeof botMedia | typeof botTools | typeof storedFiles | typeof botDocuments, orgId: number) =>
  (await getDb().select({ n: count() }).from(table).where(eq(table.orgId, orgId)))[0].n;

/** An org with a complete bot: active config with a key, three intents, a tool on a connection with credentials, media, a document. */
async function botOrg() {
  const t = await createTeam();
  const db = getDb();
  const orgId = t.org.id;
  const [team] = await db.insert(teams).values({ orgId, name: "Ventas" }).returning();
  const [conn] = await db
    .insert(connections)
    .values({ orgId, name: "CRM", baseUrl: "https://crm.example.test", authType: "BEARER", secretsEnc: encryptSecret(JSON.stringify({ token: "crm-secret-token" })), headers: { "X-Api-Key": "hdr-secret", Accept: "application/json" } })
    .returning();
  const [tool] = await db
    .insert(botTools)
    .values({ orgId, name: "lookup_order", description: "Looks up an order", url: "/orders/{{id}}", connectionId: conn.id, headers: { Authorization: "Bearer inline-secret", "X-Trace": "1" }, parameters: [{ name: "id", type: "string", required: true }] })
    .returning();
  const media = await call(uploadMediaRoute, { token: t.adminToken, form: upload(PNG, "image/png", "menu.png", { name: "Menú", tags: "food,menu" }) });
  expect(media.status).toBe(201);
  const [config] = await db
    .insert(botConfigs)
    .values({ orgId, name: "Main bot", isActive: true, provider: "OPENAI", model: "gpt-4o-mini", apiKeyEnc: encryptSecret("sk-live-very-secret"), systemPrompt: "Be nice", settings: { toolIds: [tool.id], handoffTeamId: team.id, ragTopK: 3 } })
    .returning();
  await db.insert(botIntents).values([
    { orgId, configId: config.id, name: "Menu", position: 0, keywords: ["menu"], action: "REPLY", response: "Here it is", mediaId: Number(media.json.id) },
    { orgId, configId: config.id, name: "Order", position: 1, keywords: ["order"], action: "TOOL", toolId: tool.id, actionConfig: { params: { id: "{{message}}" }, replyTemplate: "{{result.status}}" } },
    { orgId, configId: config.id, name: "Human", position: 2, keywords: ["human"], action: "HANDOFF", teamId: team.id },
  ]);
  const [doc] = await db.insert(botDocuments).values({ orgId, title: "FAQ", mimeType: "text/plain", status: "READY", chunkCount: 2 }).returning();
  await db.insert(botChunks).values([
    { orgId, documentId: doc.id, position: 0, content: "We open at nine.", location: "p1" },
    { orgId, documentId: doc.id, position: 1, content: "Shipping takes two days.", location: "p2" },
  ]);
  return { ...t, config, tool, team, mediaId: media.json.id as string };
}

describe("bot export", () => {
  it("exports the three tiers as attachments, by name, without secrets", async () => {
    const { adminToken, agentToken } = await botOrg();
    expect((await call(exportRoute, { token: agentToken })).status).toBe(403);

    const cfg = await call(exportRoute, { token: adminToken, query: { tier: "config" } });
    expect(cfg.status).toBe(200);
    expect(cfg.headers.get("content-disposition")).toMatch(/^attachment; filename="bot-main_bot-config-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(cfg.json).toMatchObject({ format: "cx-inbox-bot", version: 1, tier: "config", config: { name: "Main bot", provider: "OPENAI", settings: { tools: ["lookup_order"], handoffTeam: "Ventas", ragTopK: 3 } } });
    expect(cfg.json.intents.map((i: { name: string; media: string | null; tool: string | null; team: string | null }) => [i.name, i.media, i.tool, i.team])).toEqual([
      ["Menu", "Menú", null, null],
      ["Order", null, "lookup_order", null],
      ["Human", null, null, "Ventas"],
    ]);
    expect(cfg.json.tools).toBeUndefined();

    const standard = await call(exportRoute, { token: adminToken, query: { tier: "standard" } });
    expect(standard.json.tools).toHaveLength(1);
    expect(standard.json.tools[0]).toMatchObject({ name: "lookup_order", connection: "CRM", headers: { "X-Trace": "1" } });
    expect(standard.json.connections).toEqual([{ name: "CRM", description: null, baseUrl: "https://crm.example.test", authType: "BEARER", headers: { Accept: "application/json" } }]);
    expect(standard.json.media).toEqual([expect.objectContaining({ name: "Menú", kind: "IMAGE", tags: ["food", "menu"] })]);
    expect(standard.json.media[0].data).toBeUndefined();
    expect(standard.json.documents).toBeUndefined();

    const full = await call(exportRoute, { token: adminToken, query: { tier: "full" } });
    expect(Buffer.from(full.json.media[0].data, "base64").equals(PNG)).toBe(true);
    expect(full.json.documents).toEqual([expect.objectContaining({ title: "FAQ", chunks: [{ content: "We open at nine.", location: "p1" }, { content: "Shipping takes two days.", location: "p2" }] })]);
    for (const text of [cfg.text, standard.text, full.text]) {
      expect(text).not.toMatch(/sk-live-very-secret|crm-secret-token|hdr-secret|inline-secret|apiKeyEnc|secretsEnc/);
    }
  });

  it("exports a ZIP with bot.json and the media files", async () => {
    const { adminToken } = await botOrg();
    const res = await call(exportZipRoute, { token: adminToken, query: { tier: "full" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/\.zip"$/);
  });
});

describe("bot import", () => {
  async function zipOf(token: string) {
    const res = await exportZipRoute(new Request("http://localhost/api/v1/bot-config/export-zip?tier=full", { headers: { authorization: `Bearer ${token}` } }));
    return new Uint8Array(await res.arrayBuffer());
  }

  it("round-trips a full ZIP into another organization: a new draft with its tools, media files and documents", async () => {
    const source = await botOrg();
    const zip = await zipOf(source.adminToken);
    const entries = unzipSync(zip);
    const mediaPath = Object.keys(entries).find((k) => k.startsWith("media/"))!;
    expect(Buffer.from(entries[mediaPath]).equals(PNG)).toBe(true);
    expect(JSON.parse(Buffer.from(entries["bot.json"]).toString()).media[0].file).toBe(mediaPath);

    const target = await createTeam();
    await getDb().insert(teams).values({ orgId: target.org.id, name: "ventas" });
    const res = await call(importRoute, { token: target.adminToken, form: upload(zip, "application/zip", "bot.zip") });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json.created).toEqual({ intents: 3, tools: 1, connections: 1, media: 1, documents: 1 });
    expect(res.json.config).toMatchObject({ name: "Main bot", status: "DRAFT", provider: "OPENAI", apiKey: { isSet: false }, intentCount: 3 });
    expect(res.json.warnings).toEqual([expect.stringContaining('Connection "CRM" was created without its credentials')]);

    const orgId = target.org.id;
    const intents = await getDb().select().from(botIntents).where(eq(botIntents.configId, Number(res.json.config.id))).orderBy(botIntents.position);
    const [media] = await getDb().select().from(botMedia).where(eq(botMedia.orgId, orgId));
    const [tool] = await getDb().select().from(botTools).where(eq(botTools.orgId, orgId));
    const [conn] = await getDb().select().from(connections).where(eq(connections.orgId, orgId));
    expect(intents.map((i) => i.name)).toEqual(["Menu", "Order", "Human"]);
    expect(intents[0].mediaId).toBe(media.id);
    expect(intents[1].toolId).toBe(tool.id);
    expect(intents[1].actionConfig).toEqual({ params: { id: "{{message}}" }, replyTemplate: "{{result.status}}" });
    expect(intents[2].teamId).not.toBeNull();
    expect(tool.connectionId).toBe(conn.id);
    expect(conn.secretsEnc).toBeNull();
    expect(res.json.config.settings).toMatchObject({ toolIds: [String(tool.id)], handoffTeamId: String(intents[2].teamId) });

    const file = await call(mediaFileRoute, { token: target.adminToken, params: { id: String(media.id) } });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    const chunks = await getDb().select().from(botChunks).where(eq(botChunks.orgId, orgId)).orderBy(botChunks.position);
    expect(chunks.map((c) => c.content)).toEqual(["We open at nine.", "Shipping takes two days."]);
  });

  it("imports a JSON file into the same org as a new draft, reusing rows of the same name and leaving the active config alone", async () => {
    const { org, adminToken, config } = await botOrg();
    const exported = await call(exportRoute, { token: adminToken, query: { tier: "full" } });
    const before = { media: await countOf(botMedia, org.id), tools: await countOf(botTools, org.id), docs: await countOf(botDocuments, org.id) };
    const res = await call(importRoute, { token: adminToken, form: upload(exported.text, "application/json", "bot.json", { name: "Copy" }) });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json.created).toEqual({ intents: 3, tools: 0, connections: 0, media: 0, documents: 0 });
    expect(res.json.config).toMatchObject({ name: "Copy", status: "DRAFT" });
    expect({ media: await countOf(botMedia, org.id), tools: await countOf(botTools, org.id), docs: await countOf(botDocuments, org.id) }).toEqual(before);
    const [active] = await getDb().select().from(botConfigs).where(and(eq(botConfigs.orgId, org.id), eq(botConfigs.isActive, true)));
    expect(active.id).toBe(config.id);
    const [audited] = await auditOf(org.id, "bot.imported");
    expect(audited).toMatchObject({ targetId: res.json.config.id, metadata: { tier: "full", created: res.json.created } });
    expect(JSON.stringify(audited.metadata)).not.toContain("systemPrompt");
  });

  it("refuses a bad document with 400 and details, writing nothing", async () => {
    const { org, adminToken } = await botOrg();
    const exported = await call(exportRoute, { token: adminToken, query: { tier: "full" } });
    const counts = async () => Promise.all([botConfigs, botIntents, botMedia, botTools, storedFiles, botDocuments].map((t) => countOf(t, org.id)));
    const before = await counts();

    const bad = { ...exported.json, intents: [{ name: "", action: "DANCE" }], extra: true };
    const res = await call(importRoute, { token: adminToken, form: upload(JSON.stringify(bad), "application/json", "bot.json") });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("VALIDATION_ERROR");
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(["intents.0.name", "intents.0.action", "extra"]));

    const notJson = await call(importRoute, { token: adminToken, form: upload("{nope", "application/json", "bot.json") });
    expect(notJson.status).toBe(400);

    // A media entry whose file is not in the archive.
    const missing = { ...exported.json, media: [{ ...exported.json.media[0], name: "Other", data: undefined, file: "media/nope.png" }] };
    const res2 = await call(importRoute, { token: adminToken, form: upload(JSON.stringify(missing), "application/json", "bot.json") });
    expect(res2.status).toBe(400);
    expect(res2.json.error.details[0].path).toBe("media.0");

    // A second media file of a type WhatsApp refuses: the first one, already staged, is not kept either.
    const sticker = Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WEBP"), Buffer.alloc(20)]);
    const twoMedia = {
      ...exported.json,
      media: [
        { ...exported.json.media[0], name: "New one" },
        { ...exported.json.media[0], name: "Sticker", mimeType: "image/webp", data: sticker.toString("base64") },
      ],
    };
    const res3 = await call(importRoute, { token: adminToken, form: upload(JSON.stringify(twoMedia), "application/json", "bot.json") });
    expect(res3.status).toBe(415);

    expect(await counts()).toEqual(before);
    expect(await auditOf(org.id, "bot.imported")).toHaveLength(0);
  });

  it("keeps imported knowledge documents within the plan (422 PLAN_LIMIT_REACHED)", async () => {
    const source = await botOrg();
    const exported = await call(exportRoute, { token: source.adminToken, query: { tier: "full" } });
    const target = await createTeam();
    await getDb()
      .insert(botDocuments)
      .values(Array.from({ length: 10 }, (_, i) => ({ orgId: target.org.id, title: `Doc ${i}`, mimeType: "text/plain", status: "READY" as const })));
    const res = await call(importRoute, { token: target.adminToken, form: upload(exported.text, "application/json", "bot.json") });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("PLAN_LIMIT_REACHED");
    expect(await countOf(botConfigs, target.org.id)).toBe(0);
    expect(await countOf(botMedia, target.org.id)).toBe(0);
  });

  it("answers 415 to a JSON body and 400 to a multipart request without a file", async () => {
    const { adminToken } = await createTeam();
    expect((await call(importRoute, { token: adminToken, body: {} })).status).toBe(415);
    const empty = new FormData();
    empty.set("name", "x");
    expect((await call(importRoute, { token: adminToken, form: empty })).status).toBe(400);
  });
});
