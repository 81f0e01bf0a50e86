import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { observeEvents } from "@/lib/events/emit";
import { encryptSecret } from "@/lib/crypto/secrets";
import { botConfigs, botIntents, botPromptVersions, botSnapshots, botTools, getDb } from "@/lib/testing/db";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { auditOf } from "@/lib/testing/inspect";
import { POST as restoreRoute } from "./[id]/restore/route";
import { DELETE as deleteRoute } from "./[id]/route";
import { GET as listRoute, POST as createRoute } from "./route";

async function setup() {
  const t = await createTeam();
  const orgId = t.org.id;
  const [tool] = await getDb().insert(botTools).values({ orgId, name: "stock", description: "Stock", url: "https://api.example.test/stock" }).returning();
  const [config] = await getDb()
    .insert(botConfigs)
    .values({ orgId, name: "Bot", isActive: true, systemPrompt: "v1 prompt", provider: "OPENAI", model: "gpt-4o-mini", apiKeyEnc: encryptSecret("sk-keep-me"), settings: { toolIds: [tool.id] } })
    .returning();
  await getDb().insert(botIntents).values([
    { orgId, configId: config.id, name: "Hours", position: 0, keywords: ["hours"], response: "9 to 5" },
    { orgId, configId: config.id, name: "Stock", position: 1, action: "TOOL", toolId: tool.id },
  ]);
  return { ...t, config, tool };
}

const intentNames = async (configId: number) =>
  (await getDb().select().from(botIntents).where(eq(botIntents.configId, configId)).orderBy(botIntents.position)).map((i) => i.name);

describe("bot snapshots", () => {
  it("creates, lists (metadata only), restores and deletes", async () => {
    const { org, adminToken, agentToken, config, tool } = await setup();
    const events: unknown[] = [];
    const stop = observeEvents((name, payload) => name === "bot.changed" && events.push(payload));
    expect((await call(createRoute, { token: agentToken, body: {} })).status).toBe(403);

    const created = await call(createRoute, { token: adminToken, body: { name: "Good state", note: "before edits" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "Good state", note: "before edits", configId: String(config.id) });
    expect(created.json.size).toBeGreaterThan(100);
    const [row] = await getDb().select().from(botSnapshots).where(eq(botSnapshots.id, Number(created.json.id)));
    expect(row.payload).toMatchObject({ tier: "standard", config: { name: "Bot", systemPrompt: "v1 prompt" } });
    expect(JSON.stringify(row.payload)).not.toContain("sk-keep-me");
    expect(events).toContainEqual({ orgId: org.id, resource: "snapshot", id: Number(created.json.id) });

    // Edits after the snapshot: prompt, an intent removed, one added, the tool deleted.
    await getDb().update(botConfigs).set({ systemPrompt: "v2 prompt", temperature: 1.2 }).where(eq(botConfigs.id, config.id));
    await getDb().delete(botIntents).where(eq(botIntents.name, "Hours"));
    await getDb().insert(botIntents).values({ orgId: org.id, configId: config.id, name: "New", position: 5 });
    await getDb().delete(botTools).where(eq(botTools.id, tool.id));

    const list = await call(listRoute, { token: adminToken });
    expect(list.json.data).toHaveLength(1);
    expect(list.json.data[0]).not.toHaveProperty("payload");

    const restored = await call(restoreRoute, { token: adminToken, params: { id: created.json.id } });
    expect(restored.status, JSON.stringify(restored.json)).toBe(200);
    expect(restored.json).toMatchObject({ id: String(config.id), status: "ACTIVE", systemPrompt: "v1 prompt", temperature: 0.3, apiKey: { isSet: true }, intentCount: 2 });
    expect(await intentNames(config.id)).toEqual(["Hours", "Stock"]);
    // The deleted tool came back from the snapshot and the intent points at it again.
    const [newTool] = await getDb().select().from(botTools).where(eq(botTools.orgId, org.id));
    expect(newTool.name).toBe("stock");
    const [stock] = await getDb().select().from(botIntents).where(eq(botIntents.name, "Stock"));
    expect(stock.toolId).toBe(newTool.id);
    expect(restored.json.settings.toolIds).toEqual([String(newTool.id)]);
    const versions = await getDb().select().from(botPromptVersions).where(eq(botPromptVersions.configId, config.id));
    expect(versions.map((v) => v.note)).toContain("Restored from a snapshot");
    expect((await auditOf(org.id, "bot.snapshot_restored")).map((a) => [a.targetId, a.metadata])).toEqual([[created.json.id, { configId: config.id, newDraft: false }]]);

    // The automatic snapshot holds the state before the restore.
    const after = await call(listRoute, { token: adminToken });
    expect(after.json.data.map((s: { name: string }) => s.name)).toEqual(['Before restore of "Good state"', "Good state"]);
    const auto = await call(restoreRoute, { token: adminToken, params: { id: after.json.data[0].id } });
    expect(auto.json.systemPrompt).toBe("v2 prompt");
    expect(await intentNames(config.id)).toEqual(["Stock", "New"]);

    expect((await call(deleteRoute, { token: adminToken, params: { id: created.json.id } })).status).toBe(204);
    expect((await call(deleteRoute, { token: adminToken, params: { id: created.json.id } })).status).toBe(404);
    expect((await call(restoreRoute, { token: adminToken, params: { id: created.json.id } })).status).toBe(404);
    stop();
  });

  it("restores into a new draft when the snapshot's config was deleted", async () => {
    const { org, adminToken } = await setup();
    const [draft] = await getDb().insert(botConfigs).values({ orgId: org.id, name: "Draft", systemPrompt: "draft prompt" }).returning();
    await getDb().insert(botIntents).values({ orgId: org.id, configId: draft.id, name: "Only", position: 0 });
    const snap = await call(createRoute, { token: adminToken, body: { configId: draft.id } });
    expect(snap.json.name).toMatch(/^Draft — /);
    await getDb().delete(botConfigs).where(eq(botConfigs.id, draft.id));

    const restored = await call(restoreRoute, { token: adminToken, params: { id: snap.json.id } });
    expect(restored.status).toBe(200);
    expect(restored.json).toMatchObject({ name: "Draft (restored)", status: "DRAFT", systemPrompt: "draft prompt", intentCount: 1 });
    expect(restored.json.id).not.toBe(String(draft.id));
    expect((await auditOf(org.id, "bot.snapshot_restored"))[0].metadata).toEqual({ configId: Number(restored.json.id), newDraft: true });
  });

  it("answers 404 for a config of another org", async () => {
    const { adminToken } = await setup();
    const other = await setup();
    expect((await call(createRoute, { token: adminToken, body: { configId: other.config.id } })).status).toBe(404);
  });
});
