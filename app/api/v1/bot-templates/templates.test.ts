import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { botConfigs, botIntents, botTemplates, getDb } from "@/lib/testing/db";
import { encryptSecret } from "@/lib/crypto/secrets";
import { createTeam, createUser, tokenFor } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { auditOf } from "@/lib/testing/inspect";
import { DELETE as adminDeleteRoute, PUT as adminPutRoute } from "../admin/bot-templates/[templateId]/route";
import { POST as fromConfigRoute } from "../admin/bot-templates/from-config/route";
import { GET as adminListRoute, POST as adminCreateRoute } from "../admin/bot-templates/route";
import { POST as importRoute } from "./import/[id]/route";
import { GET as listRoute } from "./route";

const doc = (name: string) => ({
  format: "cx-inbox-bot",
  version: 1,
  tier: "config",
  exportedAt: new Date().toISOString(),
  config: { name, systemPrompt: "Hi" },
  intents: [{ name: "Hello", keywords: ["hola"], action: "REPLY", response: "¡Hola!" }],
});

async function superAdmin() {
  const t = await createTeam();
  const su = await createUser({ org: t.org, role: "ADMIN", superAdmin: true });
  return { ...t, superToken: await tokenFor(su, t.org) };
}

describe("bot templates", () => {
  it("lists the built-in templates and imports one as a new draft", async () => {
    const { org, agentToken, adminToken } = await createTeam();
    const list = await call(listRoute, { token: agentToken });
    expect(list.status).toBe(200);
    expect(list.json.data.map((t: { id: string }) => t.id)).toEqual(["builtin-restaurant", "builtin-ecommerce"]);
    expect(list.json.data[0].intentCount).toBeGreaterThan(3);

    expect((await call(importRoute, { token: agentToken, params: { id: "builtin-restaurant" } })).status).toBe(403);
    const imported = await call(importRoute, { token: adminToken, params: { id: "builtin-restaurant" } });
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);
    expect(imported.json.config).toMatchObject({ name: "Restaurante / café", status: "DRAFT" });
    expect(imported.json.created.intents).toBe(list.json.data[0].intentCount);
    const intents = await getDb().select().from(botIntents).where(eq(botIntents.configId, Number(imported.json.config.id)));
    expect(intents.every((i) => i.orgId === org.id)).toBe(true);
    expect((await call(importRoute, { token: adminToken, params: { id: "builtin-nope" } })).status).toBe(404);
    expect((await auditOf(org.id, "bot.imported")).map((a) => a.metadata)).toEqual([expect.objectContaining({ tier: expect.any(String), templateId: "builtin-restaurant" })]);
  });

  it("lets super admins manage templates (audited); a normal admin gets 403", async () => {
    const { org, adminToken, superToken } = await superAdmin();
    for (const res of [
      await call(adminListRoute, { token: adminToken }),
      await call(adminCreateRoute, { token: adminToken, body: { name: "X", slug: "x-template", payload: doc("X") } }),
      await call(adminDeleteRoute, { token: adminToken, params: { templateId: "1" } }),
    ]) {
      expect(res.status).toBe(403);
    }

    const created = await call(adminCreateRoute, { token: superToken, body: { name: "Clinic", slug: "Clinic-Bot", category: "Health", payload: doc("Clinic") } });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({ name: "Clinic", slug: "clinic-bot", isPublished: false, intentCount: 1 });
    expect((await call(adminCreateRoute, { token: superToken, body: { name: "Again", slug: "clinic-bot", payload: doc("A") } })).status).toBe(409);
    const bad = await call(adminCreateRoute, { token: superToken, body: { name: "Bad", slug: "bad", payload: { ...doc("B"), version: 2 } } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("payload.version");

    // Unpublished: not listed, not importable.
    expect((await call(listRoute, { token: adminToken })).json.data).toHaveLength(2);
    expect((await call(importRoute, { token: adminToken, params: { id: created.json.id } })).status).toBe(404);

    const published = await call(adminPutRoute, { token: superToken, params: { templateId: created.json.id }, body: { isPublished: true, description: "Appointments" } });
    expect(published.json).toMatchObject({ isPublished: true, description: "Appointments", slug: "clinic-bot" });
    const list = await call(listRoute, { token: adminToken });
    expect(list.json.data.map((t: { slug: string }) => t.slug)).toEqual(["clinic-bot", "restaurant-cafe", "ecommerce-support"]);
    const imported = await call(importRoute, { token: adminToken, params: { id: created.json.id } });
    expect(imported.status).toBe(201);
    expect(imported.json.config.name).toBe("Clinic");

    // A database template with a built-in's slug replaces it.
    await call(adminCreateRoute, { token: superToken, body: { name: "Our café", slug: "restaurant-cafe", payload: doc("Café") } });
    expect((await call(listRoute, { token: adminToken })).json.data.map((t: { id: string }) => t.id)).not.toContain("builtin-restaurant");

    expect((await call(adminListRoute, { token: superToken })).json.data).toHaveLength(2);
    expect((await call(adminDeleteRoute, { token: superToken, params: { templateId: created.json.id } })).status).toBe(204);
    expect((await call(adminDeleteRoute, { token: superToken, params: { templateId: created.json.id } })).status).toBe(404);
    expect((await call(adminPutRoute, { token: superToken, params: { templateId: created.json.id }, body: { name: "Z" } })).status).toBe(404);
    expect((await auditOf(org.id, "bot.template_created")).map((a) => a.metadata)).toEqual([
      { slug: "clinic-bot", isPublished: false },
      { slug: "restaurant-cafe", isPublished: false },
    ]);
    expect((await auditOf(org.id, "bot.template_updated"))[0]).toMatchObject({ targetId: created.json.id, metadata: { slug: "clinic-bot", fields: ["description", "isPublished"] } });
    expect((await auditOf(org.id, "bot.template_deleted"))).toEqual([expect.objectContaining({ targetId: created.json.id, metadata: { slug: "clinic-bot", name: "Clinic" } })]);
  });

  it("publishes an organization's config without its secrets", async () => {
    const { org, superToken } = await superAdmin();
    const source = await createTeam();
    await getDb().insert(botConfigs).values({ orgId: source.org.id, name: "Shop bot", isActive: true, provider: "OPENAI", model: "gpt-4o-mini", apiKeyEnc: encryptSecret("sk-never-published") });
    const res = await call(fromConfigRoute, { token: superToken, body: { orgId: String(source.org.id), name: "Shop", slug: "shop" } });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({ name: "Shop", slug: "shop", isPublished: true, intentCount: 0 });
    const [row] = await getDb().select().from(botTemplates).where(eq(botTemplates.slug, "shop"));
    expect(row.payload).toMatchObject({ tier: "standard", config: { name: "Shop bot", provider: "OPENAI" } });
    expect(JSON.stringify(row.payload)).not.toContain("sk-never-published");
    expect((await auditOf(org.id, "bot.template_created"))[0].metadata).toEqual({ slug: "shop", isPublished: true, source: { orgId: source.org.id, configId: null } });

    const empty = await createTeam();
    expect((await call(fromConfigRoute, { token: superToken, body: { orgId: String(empty.org.id), name: "E", slug: "e-bot" } })).status).toBe(404);
  });
});
