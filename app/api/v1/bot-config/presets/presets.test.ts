import { describe, expect, it } from "vitest";
import { botPresets, getDb } from "@/lib/testing/db";
import { createTeam, createApiKey } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { auditOf } from "@/lib/testing/inspect";
import { GET as getAssistRoute, PUT as putAssistRoute } from "../../config/writing-assist/route";
import { GET as revealRoute } from "../reveal-key/route";
import { GET as getConfigRoute, POST as createConfigRoute, PUT as putConfigRoute } from "../route";
import { DELETE as deleteRoute, PUT as putRoute } from "./[id]/route";
import { GET as listRoute, POST as createRoute } from "./route";

const KEY = "sk-live-0123456789abcdef";

describe("provider presets and keys", () => {
  it("creates, lists, updates and deletes presets with masked keys", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    const created = await call(createRoute, { token: adminToken, body: { name: "OpenAI", provider: "OPENAI", model: "gpt-4.1-mini", apiKey: KEY, temperature: 0.2 } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "OpenAI", provider: "OPENAI", temperature: 0.2, maxTokens: null, apiKey: { isSet: true } });
    expect(created.json.apiKey.masked).toBe("sk-l••••••••••••cdef");
    expect(JSON.stringify(created.json)).not.toContain(KEY);
    const stored = (await getDb().select().from(botPresets)).find((p) => String(p.id) === created.json.id)!;
    expect(stored.apiKeyEnc).not.toContain(KEY);

    expect((await call(createRoute, { token: adminToken, body: { name: "openai", provider: "GOOGLE", model: "gemini-2.5-flash" } })).status).toBe(409);
    expect((await call(createRoute, { token: adminToken, body: { name: "Local", provider: "LOCAL", model: "llama3" } })).json.error.details[0].path).toBe("baseUrl");
    expect((await call(createRoute, { token: agentToken, body: { name: "x", provider: "OPENAI", model: "m" } })).status).toBe(403);
    const local = await call(createRoute, { token: adminToken, body: { name: "Local", provider: "LOCAL", model: "llama3", baseUrl: "http://ollama.internal:11434/v1" } });
    expect(local.json.apiKey).toEqual({ isSet: false, masked: null });

    const list = await call(listRoute, { token: agentToken });
    expect(list.json.data.map((p: { name: string }) => p.name)).toEqual(["Local", "OpenAI"]);

    const upd = await call(putRoute, { token: adminToken, params: { id: created.json.id }, body: { model: "gpt-4.1", apiKey: null } });
    expect(upd.json).toMatchObject({ model: "gpt-4.1", apiKey: { isSet: false } });
    expect((await auditOf(org.id, "bot.key_changed")).map((r) => r.metadata)).toEqual(expect.arrayContaining([{ cleared: false }, { cleared: true }]));
    expect((await call(putRoute, { token: adminToken, params: { id: local.json.id }, body: { baseUrl: null } })).status).toBe(400);
    expect((await call(putRoute, { token: adminToken, params: { id: local.json.id }, body: { name: "OPENAI" } })).status).toBe(409);

    // A config on the preset falls back to its own fields when the preset goes.
    const config = await call(createConfigRoute, { token: adminToken, body: { name: "Bot", presetId: local.json.id } });
    expect(config.json).toMatchObject({ presetId: local.json.id, aiConfigured: true });
    expect((await call(deleteRoute, { token: adminToken, params: { id: local.json.id } })).status).toBe(204);
    expect((await call(getConfigRoute, { token: agentToken })).json).toMatchObject({ presetId: null, aiConfigured: false });
    expect((await call(deleteRoute, { token: adminToken, params: { id: local.json.id } })).status).toBe(404);
  });

  it("deleting the preset writing assist names clears it there too", async () => {
    const { adminToken } = await createTeam();
    const other = await createTeam();
    const body = (name: string) => ({ name, provider: "OPENAI", model: "gpt-4.1-mini", apiKey: KEY });
    const kept = await call(createRoute, { token: adminToken, body: body("Kept") });
    const gone = await call(createRoute, { token: adminToken, body: body("Gone") });
    const theirs = await call(createRoute, { token: other.adminToken, body: body("Theirs") });
    expect((await call(putAssistRoute, { token: adminToken, body: { enabled: true, presetId: gone.json.id, tone: "formal" } })).status).toBe(200);
    expect((await call(putAssistRoute, { token: other.adminToken, body: { presetId: theirs.json.id } })).status).toBe(200);

    expect((await call(deleteRoute, { token: adminToken, params: { id: kept.json.id } })).status).toBe(204);
    expect((await call(getAssistRoute, { token: adminToken })).json.org).toEqual({ enabled: true, presetId: gone.json.id, tone: "formal" });
    expect((await call(deleteRoute, { token: adminToken, params: { id: gone.json.id } })).status).toBe(204);
    expect((await call(getAssistRoute, { token: adminToken })).json.org).toEqual({ enabled: true, presetId: null, tone: "formal" });
    expect((await call(getAssistRoute, { token: other.adminToken })).json.org.presetId).toBe(theirs.json.id);
  });

  it("reveals a key only to admins (people), auditing each reveal without the key", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    const preset = await call(createRoute, { token: adminToken, body: { name: "P", provider: "ANTHROPIC", model: "claude-haiku-4-5", apiKey: KEY } });
    const config = await call(createConfigRoute, { token: adminToken, body: { name: "Bot" } });

    expect((await call(revealRoute, { token: adminToken })).json).toEqual({ apiKey: null });
    expect(await auditOf(org.id, "bot.key_revealed")).toHaveLength(0);
    await call(putConfigRoute, { token: adminToken, body: { provider: "OPENAI", model: "gpt-4.1-mini", apiKey: "sk-config-key-123456" } });

    const fromConfig = await call(revealRoute, { token: adminToken, query: { configId: config.json.id } });
    expect(fromConfig.json).toEqual({ apiKey: "sk-config-key-123456" });
    const fromPreset = await call(revealRoute, { token: adminToken, query: { presetId: preset.json.id } });
    expect(fromPreset.json).toEqual({ apiKey: KEY });
    const rows = await auditOf(org.id, "bot.key_revealed");
    expect(rows.map((r) => [r.targetType, r.targetId]).sort()).toEqual([
      ["bot_config", config.json.id],
      ["bot_preset", preset.json.id],
    ]);
    expect(JSON.stringify(rows)).not.toContain(KEY);

    expect((await call(revealRoute, { token: agentToken })).status).toBe(403);
    const apiKey = await createApiKey(org, "ADMIN");
    expect((await call(revealRoute, { token: apiKey.secret })).status).toBe(403);
    const other = await createTeam();
    expect((await call(revealRoute, { token: other.adminToken, query: { presetId: preset.json.id } })).status).toBe(404);
    expect((await call(revealRoute, { token: other.adminToken, query: { configId: config.json.id } })).status).toBe(404);
  });
});
