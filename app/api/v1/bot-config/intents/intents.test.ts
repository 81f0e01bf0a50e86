import { describe, expect, it } from "vitest";
import { getDb, teams } from "@/lib/testing/db";
import { createBotConfig, createBotMediaRow, createTool } from "@/lib/testing/bot-factories";
import { recordEvents } from "@/lib/testing/events";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { POST as createConfigRoute } from "../route";
import { DELETE as deleteRoute, PUT as putRoute } from "./[id]/route";
import { PUT as reorderRoute } from "./reorder/route";
import { GET as listRoute, POST as createRoute } from "./route";

type Intent = { id: string; name: string; position: number };
const names = (data: Intent[]) => data.map((i) => i.name);

async function setup() {
  const team = await createTeam();
  const config = await call(createConfigRoute, { token: team.adminToken, body: { name: "Bot" } });
  const add = (body: Record<string, unknown>, query?: Record<string, string>) => call(createRoute, { token: team.adminToken, body, query });
  return { ...team, config: config.json, add };
}

describe("bot intents", () => {
  it("lists nothing without a config, creates in order and validates actions, patterns and references", async () => {
    const { org, adminToken, agentToken, add } = await setup();
    expect((await call(listRoute, { token: (await createTeam()).agentToken })).json).toEqual({ data: [] });

    const events = recordEvents();
    const hours = await add({ name: "horario", keywords: ["horario", "abren"], patterns: ["\\bhora(s)?\\b"], response: "De 9 a 18 h." });
    expect(hours.status).toBe(201);
    expect(hours.json).toMatchObject({ name: "horario", position: 0, action: "REPLY", isActive: true, patterns: ["\\bhora(s)?\\b"], actionConfig: {} });
    expect(events.some((e) => e.name === "bot.changed" && e.payload.resource === "intent")).toBe(true);

    const team = (await getDb().insert(teams).values({ orgId: org.id, name: "Ventas" }).returning())[0];
    const person = await add({ name: "humano", keywords: ["agente"], action: "HANDOFF", teamId: String(team.id) });
    expect(person.json).toMatchObject({ position: 1, teamId: String(team.id) });
    const tool = await createTool(org);
    const order = await add({ name: "pedido", action: "TOOL", toolId: tool.id, actionConfig: { params: { id: "{{message}}" }, replyTemplate: "Estado: {{result.status}}" } });
    expect(order.json).toMatchObject({ position: 2, toolId: String(tool.id), actionConfig: { replyTemplate: "Estado: {{result.status}}" } });
    const media = await createBotMediaRow(org);
    expect((await add({ name: "menu", mediaId: media.id })).status).toBe(201);

    const list = await call(listRoute, { token: agentToken });
    expect(names(list.json.data)).toEqual(["horario", "humano", "pedido", "menu"]);

    const badPattern = await add({ name: "x", response: "y", patterns: ["ok", "(unclosed"] });
    expect(badPattern.status).toBe(400);
    expect(badPattern.json.error.details[0].path).toBe("patterns.1");
    expect((await add({ name: "x", action: "TOOL" })).json.error.details[0].path).toBe("toolId");
    expect((await add({ name: "x", action: "ASK" })).json.error.details[0].path).toBe("response");
    expect((await add({ name: "x", action: "END" })).status).toBe(201);

    const other = await createTeam();
    expect((await add({ name: "x", action: "TOOL", toolId: (await createTool(other.org)).id })).status).toBe(404);
    expect((await add({ name: "x", mediaId: (await createBotMediaRow(other.org)).id })).status).toBe(404);
    const foreignTeam = (await getDb().insert(teams).values({ orgId: other.org.id, name: "z" }).returning())[0];
    expect((await add({ name: "x", action: "HANDOFF", teamId: foreignTeam.id })).status).toBe(404);
    expect((await add({ name: "x", response: "y" }, { configId: String((await createBotConfig(other.org)).id) })).status).toBe(404);
    expect((await call(createRoute, { token: agentToken, body: { name: "x", response: "y" } })).status).toBe(403);

    // Drafts are edited with ?configId.
    const draft = await call(createConfigRoute, { token: adminToken, body: { name: "Draft" } });
    expect((await add({ name: "solo-draft", response: "x" }, { configId: draft.json.id })).json).toMatchObject({ configId: draft.json.id, position: 0 });
    expect(names((await call(listRoute, { token: agentToken, query: { configId: draft.json.id } })).json.data)).toEqual(["solo-draft"]);
  });

  it("updates with the merged state checked, deletes compacting positions and reorders exactly", async () => {
    const { adminToken, agentToken, add } = await setup();
    const a = await add({ name: "a", response: "a" });
    await add({ name: "b", response: "b" });
    await add({ name: "c", response: "c" });
    expect(names((await call(listRoute, { token: agentToken })).json.data)).toEqual(["a", "b", "c"]);

    const upd = await call(putRoute, { token: adminToken, params: { id: a.json.id }, body: { isActive: false, keywords: ["hola"] } });
    expect(upd.json).toMatchObject({ isActive: false, keywords: ["hola"], response: "a" });
    // Clearing the response of a REPLY without media breaks it.
    expect((await call(putRoute, { token: adminToken, params: { id: a.json.id }, body: { response: "" } })).status).toBe(400);
    expect((await call(putRoute, { token: adminToken, params: { id: a.json.id }, body: { action: "HANDOFF", response: null } })).json.action).toBe("HANDOFF");
    expect((await call(putRoute, { token: adminToken, params: { id: a.json.id }, body: {} })).status).toBe(400);

    const current = (await call(listRoute, { token: agentToken })).json.data as Intent[];
    const reversed = [...current].reverse().map((i) => i.id);
    const re = await call(reorderRoute, { token: adminToken, body: { ids: reversed } });
    expect(re.status).toBe(200);
    expect(re.json.data.map((i: Intent) => i.id)).toEqual(reversed);
    expect(re.json.data.map((i: Intent) => i.position)).toEqual([0, 1, 2]);

    const missing = await call(reorderRoute, { token: adminToken, body: { ids: reversed.slice(0, 2) } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.details[0].path).toBe("ids");
    expect((await call(reorderRoute, { token: adminToken, body: { ids: [reversed[0], reversed[0], reversed[1]] } })).status).toBe(400);
    const other = await setup();
    const foreign = await other.add({ name: "f", response: "f" });
    expect((await call(reorderRoute, { token: adminToken, body: { ids: [foreign.json.id] } })).status).toBe(404);
    expect((await call(reorderRoute, { token: adminToken, body: { ids: [...reversed.slice(0, 2), foreign.json.id] } })).status).toBe(400);

    expect((await call(deleteRoute, { token: adminToken, params: { id: reversed[1] } })).status).toBe(204);
    const after = (await call(listRoute, { token: agentToken })).json.data as Intent[];
    expect(after.map((i) => [i.id, i.position])).toEqual([
      [reversed[0], 0],
      [reversed[2], 1],
    ]);
    expect((await call(deleteRoute, { token: adminToken, params: { id: reversed[1] } })).status).toBe(404);
  });
});
