import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { settleEvents } from "@/lib/events/emit";
import { LISTENERS } from "@/lib/events/listeners";
import type { EventName } from "@/lib/events/types";
import { defaultTagColor } from "@/lib/services/tags/dto";
import { createConversation } from "@/lib/services/messages/testing";
import { conversations, conversationTags, getDb, teamMembers, teams } from "@/lib/testing/db";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { auditOf } from "@/lib/testing/inspect";
import { DELETE as untagRoute } from "../conversations/[id]/tags/[tagId]/route";
import { POST as tagRoute } from "../conversations/[id]/tags/route";
import { DELETE as deleteRoute, PUT as putRoute } from "./[id]/route";
import { GET as colorsRoute } from "./colors/route";
import { GET as listRoute, POST as createRoute } from "./route";

/** Records the domain events emitted from here on (the realtime listeners stay in place). */
function recordEvents(...names: EventName[]) {
  const seen: { name: EventName; payload: Record<string, unknown> }[] = [];
  for (const name of names) {
    const list = (LISTENERS[name] ??= []) as ((p: unknown) => void)[];
    list.push((payload) => void seen.push({ name, payload: payload as Record<string, unknown> }));
  }
  return seen;
}

const versionOf = async (id: number) => (await getDb().select().from(conversations).where(eq(conversations.id, id)))[0].version;

describe("tags", () => {
  it("creates, lists by name, updates and answers the palette", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    const colors = await call(colorsRoute, { token: agentToken });
    expect(colors.status).toBe(200);
    expect(colors.json.data).toHaveLength(12);
    expect(colors.json.data[0]).toEqual({ name: "gray", hex: "#6b7280" });

    const vip = await call(createRoute, { token: agentToken, body: { name: " VIP ", color: "Amber", description: "Priority care" } });
    expect(vip.status).toBe(201);
    expect(vip.json).toMatchObject({ name: "VIP", color: "amber", description: "Priority care", conversationCount: 0 });
    const billing = await call(createRoute, { token: agentToken, body: { name: "billing" } });
    expect(billing.json.color).toBe(defaultTagColor("billing"));
    expect(billing.json.description).toBeNull();

    const list = await call(listRoute, { token: agentToken });
    expect(list.json.data.map((t: { name: string }) => t.name)).toEqual(["billing", "VIP"]);

    const updated = await call(putRoute, { token: adminToken, params: { id: vip.json.id }, body: { name: "VIP customers", color: "red", description: "" } });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ name: "VIP customers", color: "red", description: null });
    expect((await auditOf(org.id, "tag.updated"))[0]).toMatchObject({ targetId: vip.json.id });
  });

  it("refuses a name that exists in any case (409) and colors outside the palette (400)", async () => {
    const { adminToken, agentToken } = await createTeam();
    const other = await createTeam();
    await call(createRoute, { token: agentToken, body: { name: "Urgent" } });
    const dup = await call(createRoute, { token: agentToken, body: { name: "urgent" } });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe("CONFLICT");
    // Another organization may use the same name.
    expect((await call(createRoute, { token: other.agentToken, body: { name: "urgent" } })).status).toBe(201);

    const bad = await call(createRoute, { token: agentToken, body: { name: "x", color: "#123456" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("color");
    expect((await call(createRoute, { token: agentToken, body: { name: "" } })).status).toBe(400);

    const second = await call(createRoute, { token: agentToken, body: { name: "Later" } });
    const rename = await call(putRoute, { token: adminToken, params: { id: second.json.id }, body: { name: "URGENT" } });
    expect(rename.status).toBe(409);
    expect((await call(putRoute, { token: adminToken, params: { id: second.json.id }, body: {} })).status).toBe(400);
  });

  it("lets agents create and attach but not update or delete", async () => {
    const { agentToken } = await createTeam();
    const tag = await call(createRoute, { token: agentToken, body: { name: "lead" } });
    expect((await call(putRoute, { token: agentToken, params: { id: tag.json.id }, body: { color: "red" } })).status).toBe(403);
    expect((await call(deleteRoute, { token: agentToken, params: { id: tag.json.id } })).status).toBe(403);
  });

  it("counts open conversations and cascades a delete, bumping those conversations", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    const tag = await call(createRoute, { token: agentToken, body: { name: "refund" } });
    const open = (await createConversation(org)).conversation;
    const closed = (await createConversation(org)).conversation;
    for (const c of [open, closed]) {
      expect((await call(tagRoute, { token: agentToken, params: { id: String(c.id) }, body: { tagId: tag.json.id } })).status).toBe(200);
    }
    await getDb().update(conversations).set({ status: "CLOSED" }).where(eq(conversations.id, closed.id));
    const list = await call(listRoute, { token: agentToken });
    expect(list.json.data[0]).toMatchObject({ name: "refund", conversationCount: 1 });

    await settleEvents();
    const events = recordEvents("conversation.updated", "tag.changed");
    const [openBefore, closedBefore] = [await versionOf(open.id), await versionOf(closed.id)];
    const del = await call(deleteRoute, { token: adminToken, params: { id: tag.json.id } });
    expect(del.status).toBe(204);
    await settleEvents();
    expect(await versionOf(open.id)).toBe(openBefore + 1);
    expect(await versionOf(closed.id)).toBe(closedBefore);
    expect(events).toEqual([
      { name: "conversation.updated", payload: { orgId: org.id, conversationId: open.id, version: openBefore + 1 } },
      { name: "tag.changed", payload: { orgId: org.id, tagId: Number(tag.json.id) } },
    ]);
    expect(await getDb().select().from(conversationTags)).toEqual([]);
    expect((await call(listRoute, { token: agentToken })).json.data).toEqual([]);
    expect((await call(deleteRoute, { token: adminToken, params: { id: tag.json.id } })).status).toBe(404);
    expect(await auditOf(org.id, "tag.deleted")).toHaveLength(1);
  });
});

describe("conversation tags", () => {
  it("adds idempotently, removes, bumps the version only on a change", async () => {
    const { org, agentToken } = await createTeam();
    const { conversation } = await createConversation(org);
    const params = { id: String(conversation.id) };
    const b = await call(createRoute, { token: agentToken, body: { name: "b-tag", color: "blue" } });
    const a = await call(createRoute, { token: agentToken, body: { name: "A-tag", color: "green" } });

    await settleEvents();
    const events = recordEvents("conversation.updated");
    const v0 = await versionOf(conversation.id);
    const first = await call(tagRoute, { token: agentToken, params, body: { tagId: b.json.id } });
    expect(first.status).toBe(200);
    expect(first.json.data).toEqual([{ id: b.json.id, name: "b-tag", color: "blue" }]);
    const second = await call(tagRoute, { token: agentToken, params, body: { tagId: Number(a.json.id) } });
    expect(second.json.data.map((t: { name: string }) => t.name)).toEqual(["A-tag", "b-tag"]);
    const again = await call(tagRoute, { token: agentToken, params, body: { tagId: a.json.id } });
    expect(again.json.data).toHaveLength(2);
    expect(await versionOf(conversation.id)).toBe(v0 + 2);

    expect((await call(untagRoute, { token: agentToken, params: { ...params, tagId: b.json.id } })).status).toBe(204);
    expect((await call(untagRoute, { token: agentToken, params: { ...params, tagId: b.json.id } })).status).toBe(204);
    expect(await versionOf(conversation.id)).toBe(v0 + 3);
    await settleEvents();
    expect(events.map((e) => e.payload.version)).toEqual([v0 + 1, v0 + 2, v0 + 3]);
    const rows = await getDb().select().from(conversationTags).where(eq(conversationTags.conversationId, conversation.id));
    expect(rows.map((r) => r.tagId)).toEqual([Number(a.json.id)]);
  });

  it("answers 404 for unknown tags, other organizations' tags and conversations the agent may not see", async () => {
    const { org, agent, adminToken, agentToken } = await createTeam();
    const other = await createTeam();
    const foreignTag = await call(createRoute, { token: other.agentToken, body: { name: "theirs" } });
    const { conversation } = await createConversation(org);
    const params = { id: String(conversation.id) };
    const missing = await call(tagRoute, { token: agentToken, params, body: { tagId: "999999" } });
    expect(missing.status).toBe(404);
    expect((await call(tagRoute, { token: agentToken, params, body: { tagId: foreignTag.json.id } })).status).toBe(404);
    expect((await call(untagRoute, { token: agentToken, params: { ...params, tagId: foreignTag.json.id } })).status).toBe(404);

    // A conversation of a team the agent is not in is invisible to them, not to the admin.
    const mine = await call(createRoute, { token: agentToken, body: { name: "mine" } });
    const [sales] = await getDb().insert(teams).values({ orgId: org.id, name: "Sales" }).returning();
    await getDb().update(conversations).set({ teamId: sales.id }).where(eq(conversations.id, conversation.id));
    expect((await call(tagRoute, { token: agentToken, params, body: { tagId: mine.json.id } })).status).toBe(404);
    expect((await call(tagRoute, { token: adminToken, params, body: { tagId: mine.json.id } })).status).toBe(200);
    await getDb().insert(teamMembers).values({ orgId: org.id, teamId: sales.id, userId: agent.id });
    expect((await call(untagRoute, { token: agentToken, params: { ...params, tagId: mine.json.id } })).status).toBe(204);
  });
});
