import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { scriptModel, textReply } from "@/lib/services/bot/engine/testing";
import { allowOutbound } from "@/lib/services/bot/tools/fake-server";
import { startFakeOpenAI, type FakeOpenAI } from "@/lib/testing/fake-openai";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { POST as createIntentRoute } from "./intents/route";
import { GET as modelsRoute } from "./models/route";
import { POST as createPresetRoute } from "./presets/route";
import { POST as createConfigRoute, PUT as putConfigRoute } from "./route";
import { POST as sandboxRoute } from "./test-sandbox/route";
import { POST as testRoute } from "./test/route";
import { POST as validateRoute } from "./validate-key/route";
import { GET as usageRoute } from "./usage/route";

const KEY = "sk-fake-valid-key";
let ai: FakeOpenAI;
let restoreOutbound: () => void;

beforeAll(async () => {
  ai = await startFakeOpenAI({ apiKey: KEY, models: ["llama3.1", "nomic-embed-text"] });
  // The fake provider lives on 127.0.0.1, which the SSRF guard refuses unless allowlisted (as on-premise servers are).
  restoreOutbound = allowOutbound();
});
afterAll(async () => {
  await ai.close();
  restoreOutbound();
});
afterEach(() => ai.reset());

describe("validate-key", () => {
  it("makes a real call to a LOCAL server: a good key is valid, a wrong one is valid:false (200)", async () => {
    const { adminToken, agentToken } = await createTeam();
    const ok = await call(validateRoute, { token: adminToken, body: { provider: "LOCAL", baseUrl: ai.url, apiKey: KEY } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ valid: true });
    expect(ok.json.latencyMs).toBeGreaterThanOrEqual(0);
    expect(ai.requests.at(-1)).toMatchObject({ method: "GET", path: "/v1/models" });

    const wrong = await call(validateRoute, { token: adminToken, body: { provider: "LOCAL", baseUrl: ai.url, apiKey: "sk-wrong-key-000", model: "llama3.1" } });
    expect(wrong.status).toBe(200);
    expect(wrong.json.valid).toBe(false);
    expect(wrong.json.error).toMatch(/401/);
    expect(wrong.json.error).not.toContain("sk-wrong-key-000");

    expect((await call(validateRoute, { token: adminToken, body: { provider: "LOCAL" } })).json.error.details[0].path).toBe("baseUrl");
    expect((await call(validateRoute, { token: agentToken, body: { provider: "LOCAL", baseUrl: ai.url } })).status).toBe(403);
  });

  it("uses the stored key of a preset, never sends it to another URL, and refuses private addresses", async () => {
    const { adminToken } = await createTeam();
    const preset = await call(createPresetRoute, { token: adminToken, body: { name: "L", provider: "LOCAL", model: "llama3.1", baseUrl: ai.url, apiKey: KEY } });
    const stored = await call(validateRoute, { token: adminToken, body: { provider: "LOCAL", presetId: preset.json.id } });
    expect(stored.json.valid, JSON.stringify([preset.json, stored.json])).toBe(true);
    expect(ai.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);

    // Another base URL gets no stored key.
    ai.reset();
    const elsewhere = await call(validateRoute, { token: adminToken, body: { provider: "LOCAL", presetId: preset.json.id, baseUrl: `${ai.url}/` + "../v1" } });
    expect(elsewhere.json.valid).toBe(false);
    expect(ai.requests.every((r) => r.headers.authorization === undefined)).toBe(true);

    const blocked = await call(validateRoute, { token: adminToken, body: { provider: "LOCAL", baseUrl: "http://10.0.0.1:11434/v1" } });
    expect(blocked.status).toBe(200);
    expect(blocked.json).toMatchObject({ valid: false });
    expect(blocked.json.error).toMatch(/private|reserved/i);
  });

  it("checks cloud keys with a one-token generation through the provider adapter", async () => {
    const { adminToken } = await createTeam();
    const { model, undo } = scriptModel(textReply("o"), new Error("Incorrect API key provided: sk-cloud-wrong"));
    try {
      const ok = await call(validateRoute, { token: adminToken, body: { provider: "ANTHROPIC", apiKey: "sk-cloud-right" } });
      expect(ok.json.valid).toBe(true);
      expect(model.doGenerateCalls[0].maxOutputTokens).toBe(1);
      const wrong = await call(validateRoute, { token: adminToken, body: { provider: "ANTHROPIC", apiKey: "sk-cloud-wrong" } });
      expect(wrong.status).toBe(200);
      expect(wrong.json).toMatchObject({ valid: false });
      expect(wrong.json.error).toContain("Incorrect API key");
      expect(wrong.json.error).not.toContain("sk-cloud-wrong");
      const noKey = await call(validateRoute, { token: adminToken, body: { provider: "OPENAI" } });
      expect(noKey.status).toBe(503);
      expect(noKey.json.error.code).toBe("NOT_CONFIGURED");
    } finally {
      undo();
    }
  });
});

describe("models", () => {
  it("lists the static models, and the server's for LOCAL (static with an error when it cannot be asked)", async () => {
    const { adminToken, agentToken } = await createTeam();
    const openai = await call(modelsRoute, { token: agentToken, query: { provider: "OPENAI" } });
    expect(openai.json.source).toBe("static");
    expect(openai.json.data.map((m: { id: string }) => m.id)).toContain("gpt-4.1-mini");

    await call(createConfigRoute, { token: adminToken, body: { name: "Bot", provider: "LOCAL", model: "llama3.1", baseUrl: ai.url, apiKey: KEY } });
    const local = await call(modelsRoute, { token: agentToken, query: { provider: "LOCAL" } });
    expect(local.json).toEqual({ source: "server", data: [{ id: "llama3.1", name: "llama3.1" }, { id: "nomic-embed-text", name: "nomic-embed-text", embedding: true }] });

    const unreachable = await call(modelsRoute, { token: agentToken, query: { provider: "LOCAL", baseUrl: "http://192.168.1.10:11434/v1" } });
    expect(unreachable.json).toMatchObject({ source: "static", data: [] });
    expect(unreachable.json.error).toBeTruthy();
    expect((await call(modelsRoute, { token: agentToken, query: { provider: "NOPE" } })).status).toBe(400);
  });
});

describe("test and sandbox", () => {
  it("answers 503 without a provider and calls the model once with the config's prompt", async () => {
    const { adminToken } = await createTeam();
    await call(createConfigRoute, { token: adminToken, body: { name: "Bot", systemPrompt: "Eres el asistente de Acme." } });
    const none = await call(testRoute, { token: adminToken, body: { message: "Hola" } });
    expect(none.status).toBe(503);
    expect(none.json.error.code).toBe("NOT_CONFIGURED");

    await call(putConfigRoute, { token: adminToken, body: { provider: "LOCAL", model: "llama3.1", baseUrl: ai.url, apiKey: KEY } });
    ai.script({ text: "¡Hola! Soy Acme.", usage: { promptTokens: 12, completionTokens: 5 } });
    const res = await call(testRoute, { token: adminToken, body: { message: "Hola" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ reply: "¡Hola! Soy Acme.", provider: "LOCAL", model: "llama3.1", usage: { inputTokens: 12, outputTokens: 5 } });
    const sent = ai.chatRequests()[0];
    expect(sent.messages[0]).toMatchObject({ role: "system", content: "Eres el asistente de Acme." });
    expect((await call(usageRoute, { token: adminToken })).json).toMatchObject({ messages: 0, inputTokens: 12, outputTokens: 5 });

    ai.script({ status: 500, error: "boom" });
    const failed = await call(testRoute, { token: adminToken, body: { message: "Hola" } });
    expect(failed.status).toBe(502);
    expect(failed.json.error.code).toBe("PROVIDER_ERROR");
  });

  it("runs a sandbox turn offline: an intent answers, history comes back from the client", async () => {
    const { adminToken, agentToken } = await createTeam();
    const config = await call(createConfigRoute, { token: adminToken, body: { name: "Bot" } });
    await call(createIntentRoute, { token: adminToken, body: { name: "horario", keywords: ["horario"], response: "Abrimos de 9 a 18 h." } });

    const turn = await call(sandboxRoute, {
      token: adminToken,
      body: { message: "¿Cuál es el horario?", history: [{ role: "user", content: "hola" }, { role: "assistant", content: "¡Hola!" }] },
    });
    expect(turn.status, JSON.stringify(turn.json)).toBe(200);
    expect(turn.json).toMatchObject({ outcome: "INTENT", reply: "Abrimos de 9 a 18 h.", intent: { name: "horario", action: "REPLY" } });
    expect(turn.json.traceId).toBeTruthy();

    const person = await call(sandboxRoute, { token: adminToken, body: { message: "quiero hablar con un agente humano", configId: config.json.id } });
    expect(person.status).toBe(200);
    expect(person.json.handoff).not.toBeNull();

    expect((await call(sandboxRoute, { token: adminToken, body: { message: "x", history: Array.from({ length: 21 }, () => ({ role: "user", content: "a" })) } })).status).toBe(400);
    expect((await call(sandboxRoute, { token: agentToken, body: { message: "x" } })).status).toBe(403);
    expect((await call(sandboxRoute, { token: (await createTeam()).adminToken, body: { message: "x" } })).status).toBe(404);
  });
});
