import { describe, expect, it } from "vitest";
import { botIntents, botPromptVersions, getDb, teams } from "@/lib/testing/db";
import { createBotConfig, createIntent, createPreset, createTool } from "@/lib/testing/bot-factories";
import { recordEvents } from "@/lib/testing/events";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { auditOf } from "@/lib/testing/inspect";
import { botTakesNewConversations } from "@/lib/services/bot/settings";
import { PUT as activateRoute } from "./[id]/activate/route";
import { POST as duplicateRoute } from "./[id]/duplicate/route";
import { DELETE as deleteRoute } from "./[id]/route";
import { GET as listRoute } from "./list/route";
import { POST as rollbackRoute } from "./prompt-versions/[id]/activate/route";
import { GET as versionsRoute } from "./prompt-versions/route";
import { GET as getRoute, POST as createRoute, PUT as putRoute } from "./route";
import { GET as usageRoute } from "./usage/route";
import { GET as historyRoute } from "./usage/history/route";

describe("bot configs", () => {
  it("answers null without a config, creates the first one active and later ones as drafts", async () => {
    const { adminToken, agentToken } = await createTeam();
    const empty = await call(getRoute, { token: agentToken });
    expect(empty.status).toBe(200);
    expect(empty.json).toBeNull();

    const events = recordEvents();
    const first = await call(createRoute, { token: adminToken, body: { name: "Soporte", systemPrompt: "Eres amable." } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ name: "Soporte", status: "ACTIVE", promptVersion: 1, intentCount: 0, aiConfigured: false, apiKey: { isSet: false, masked: null } });
    expect(first.json.activatedAt).not.toBeNull();
    expect(events.some((e) => e.name === "bot.changed" && e.payload.resource === "config")).toBe(true);

    const draft = await call(createRoute, { token: adminToken, body: { name: "Ventas" } });
    expect(draft.json.status).toBe("DRAFT");
    expect((await call(createRoute, { token: agentToken, body: { name: "x" } })).status).toBe(403);
    expect((await call(createRoute, { token: adminToken, body: {} })).status).toBe(400);

    const current = await call(getRoute, { token: agentToken });
    expect(current.json.id).toBe(first.json.id);
    const list = await call(listRoute, { token: agentToken });
    expect(list.json.data.map((c: { name: string }) => c.name)).toEqual(["Soporte", "Ventas"]);
  });

  it("upserts the active config (creating it active when none), targets drafts with ?configId and validates fields", async () => {
    const { org, adminToken } = await createTeam();
    const created = await call(putRoute, { token: adminToken, body: { temperature: 0.9 } });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ status: "ACTIVE", name: "Bot", temperature: 0.9 });
    expect(await botTakesNewConversations(org.id)).toBe(true);

    const team = (await getDb().insert(teams).values({ orgId: org.id, name: "Soporte" }).returning())[0];
    const tool = await createTool(org);
    const updated = await call(putRoute, {
      token: adminToken,
      body: { provider: "OPENAI", model: "gpt-4.1-mini", apiKey: "sk-abcdefghijklmnop", welcomeMessage: "Hola", settings: { ragTopK: 3, toolIds: [String(tool.id)], handoffTeamId: team.id } },
    });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ provider: "OPENAI", aiConfigured: true, welcomeMessage: "Hola", apiKey: { isSet: true } });
    expect(updated.json.apiKey.masked).toMatch(/^sk-a•+mnop$/);
    expect(JSON.stringify(updated.json)).not.toContain("sk-abcdefghijklmnop");
    expect(updated.json.settings).toEqual({ ragTopK: 3, toolIds: [String(tool.id)], handoffTeamId: String(team.id) });
    expect((await auditOf(org.id, "bot.key_changed"))[0].metadata).toEqual({ cleared: false });

    // Settings merge key by key; absent fields keep their value; null clears the key.
    const merged = await call(putRoute, { token: adminToken, body: { settings: { ragEnabled: false }, apiKey: null } });
    expect(merged.json.settings).toMatchObject({ ragTopK: 3, ragEnabled: false });
    expect(merged.json).toMatchObject({ welcomeMessage: "Hola", apiKey: { isSet: false }, aiConfigured: false });

    const draft = await call(createRoute, { token: adminToken, body: { name: "Draft" } });
    const onDraft = await call(putRoute, { token: adminToken, query: { configId: draft.json.id }, body: { language: "en" } });
    expect(onDraft.json).toMatchObject({ id: draft.json.id, language: "en", status: "DRAFT" });

    const bad = async (body: unknown, status = 400) => {
      const res = await call(putRoute, { token: adminToken, body });
      expect(res.status, JSON.stringify(res.json)).toBe(status);
      return res.json.error;
    };
    expect((await bad({ temperature: 3 })).details[0].path).toBe("temperature");
    expect((await bad({ maxTokens: 9000 })).details[0].path).toBe("maxTokens");
    expect((await bad({ confidenceThreshold: 1.5 })).details[0].path).toBe("confidenceThreshold");
    expect((await bad({ provider: "LOCAL", model: "llama3" })).details[0].path).toBe("baseUrl");
    expect((await bad({ provider: "LOCAL", model: "llama3", baseUrl: "ftp://x" })).details[0].path).toBe("baseUrl");
    expect((await bad({ settings: { toolIds: ["999999"] } }, 422)).code).toBe("INVALID_REFERENCE");
    const other = await createTeam();
    const foreignTeam = (await getDb().insert(teams).values({ orgId: other.org.id, name: "x" }).returning())[0];
    expect((await bad({ settings: { handoffTeamId: foreignTeam.id } }, 422)).code).toBe("INVALID_REFERENCE");
    expect((await bad({ presetId: "999999" }, 404)).code).toBe("NOT_FOUND");
    expect((await call(putRoute, { token: adminToken, query: { configId: String((await createBotConfig(other.org)).id) }, body: {} })).status).toBe(404);

    const local = await call(putRoute, { token: adminToken, body: { provider: "LOCAL", model: "llama3", baseUrl: "http://ollama.internal:11434/v1" } });
    expect(local.json).toMatchObject({ provider: "LOCAL", aiConfigured: true });
  });

  it("duplicates deeply as a draft, activates one at a time and never deletes the active one", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    const a = await call(createRoute, { token: adminToken, body: { name: "A", systemPrompt: "Prompt A" } });
    await createIntent(org, { configId: Number(a.json.id), name: "hola", position: 0 });
    await createIntent(org, { configId: Number(a.json.id), name: "adios", position: 1 });

    const copy = await call(duplicateRoute, { token: adminToken, params: { id: a.json.id }, body: {} });
    expect(copy.status).toBe(201);
    expect(copy.json).toMatchObject({ name: "A (copy)", status: "DRAFT", systemPrompt: "Prompt A", promptVersion: 1, intentCount: 2 });
    const named = await call(duplicateRoute, { token: adminToken, params: { id: a.json.id }, body: { name: "B" } });
    expect(named.json.name).toBe("B");
    const copiedIntents = await getDb().select().from(botIntents);
    expect(copiedIntents.filter((i) => String(i.configId) === copy.json.id).map((i) => i.name).sort()).toEqual(["adios", "hola"]);

    const events = recordEvents();
    const activated = await call(activateRoute, { token: adminToken, params: { id: copy.json.id } });
    expect(activated.status).toBe(200);
    expect(activated.json.status).toBe("ACTIVE");
    expect(events.some((e) => e.name === "bot.changed")).toBe(true);
    const list = await call(listRoute, { token: agentToken });
    expect(list.json.data.filter((c: { status: string }) => c.status === "ACTIVE").map((c: { id: string }) => c.id)).toEqual([copy.json.id]);
    expect(list.json.data[0].id).toBe(copy.json.id);
    expect((await auditOf(org.id, "bot.config_activated")).some((r) => r.targetId === copy.json.id)).toBe(true);
    // Idempotent.
    expect((await call(activateRoute, { token: adminToken, params: { id: copy.json.id } })).json.status).toBe("ACTIVE");
    expect((await call(activateRoute, { token: agentToken, params: { id: a.json.id } })).status).toBe(403);

    const refused = await call(deleteRoute, { token: adminToken, params: { id: copy.json.id } });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe("ACTIVE_CONFIG");
    expect((await call(deleteRoute, { token: adminToken, params: { id: a.json.id } })).status).toBe(204);
    expect((await auditOf(org.id, "bot.config_deleted"))[0].targetId).toBe(a.json.id);
    expect((await call(deleteRoute, { token: adminToken, params: { id: a.json.id } })).status).toBe(404);
    // The copy's intents survive the original's deletion.
    expect((await call(getRoute, { token: agentToken })).json.intentCount).toBe(2);
  });

  it("keeps every prompt as a version and rolls back as a new version", async () => {
    const { adminToken, agentToken } = await createTeam();
    const c = await call(createRoute, { token: adminToken, body: { name: "Bot" } });
    expect((await call(versionsRoute, { token: agentToken })).json.data).toEqual([]);

    expect((await call(putRoute, { token: adminToken, body: { systemPrompt: "v1 text" } })).json.promptVersion).toBe(1);
    expect((await call(putRoute, { token: adminToken, body: { systemPrompt: "v2 text", promptNote: "shorter" } })).json.promptVersion).toBe(2);
    // The same text again is no new version.
    expect((await call(putRoute, { token: adminToken, body: { systemPrompt: "v2 text", temperature: 0.1 } })).json.promptVersion).toBe(2);

    const versions = await call(versionsRoute, { token: agentToken, query: { configId: c.json.id } });
    expect(versions.json.data.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.json.data[0]).toMatchObject({ systemPrompt: "v2 text", note: "shorter", isCurrent: true, createdBy: { name: "Ada Admin" } });
    expect(versions.json.data[1].isCurrent).toBe(false);

    const rolled = await call(rollbackRoute, { token: adminToken, params: { id: versions.json.data[1].id } });
    expect(rolled.status).toBe(200);
    expect(rolled.json).toMatchObject({ systemPrompt: "v1 text", promptVersion: 3 });
    const after = await call(versionsRoute, { token: agentToken });
    expect(after.json.data.map((v: { version: number; systemPrompt: string }) => [v.version, v.systemPrompt])).toEqual([
      [3, "v1 text"],
      [2, "v2 text"],
      [1, "v1 text"],
    ]);
    expect(after.json.data[0].note).toBe("Restored version 1");
    expect((await getDb().select().from(botPromptVersions)).filter((v) => String(v.configId) === c.json.id)).toHaveLength(3);
  });

  it("lists configs with their intent counts and whether their own fields or their preset can call a model", async () => {
    const { org, agentToken } = await createTeam();
    const preset = await createPreset(org);
    const viaPreset = await createBotConfig(org, { name: "Via preset", presetId: preset.id });
    const bare = await createBotConfig(org, { name: "Bare" });
    await createIntent(org, { configId: viaPreset.id });
    const list = await call(listRoute, { token: agentToken });
    const byId = new Map(list.json.data.map((c: { id: string }) => [c.id, c]));
    expect(byId.get(String(viaPreset.id))).toMatchObject({ presetId: String(preset.id), aiConfigured: true, intentCount: 1 });
    expect(byId.get(String(bare.id))).toMatchObject({ presetId: null, aiConfigured: false, intentCount: 0 });
  });

  it("answers the usage of the month and 12 months of history", async () => {
    const { agentToken } = await createTeam();
    const usage = await call(usageRoute, { token: agentToken });
    expect(usage.status).toBe(200);
    expect(usage.json).toMatchObject({ messages: 0, plan: "FREE" });
    const history = await call(historyRoute, { token: agentToken });
    expect(history.json.data).toHaveLength(12);
    expect(history.json.data[11].month).toBe(usage.json.month);
  });
});
