import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createConversation, createInbound } from "@/lib/services/messages/testing";
import { conversations, conversationTags, getDb, tags, teams } from "@/lib/testing/db";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { GET as contactHistory } from "./[id]/contact-history/route";
import { POST as summary } from "./[id]/generate-handoff-summary/route";
import { POST as bulk } from "./bulk/route";

async function conv(org: { id: number }, values: Partial<typeof conversations.$inferInsert> = {}, waId?: string) {
  const { conversation } = await createConversation(org, { account: null, waId });
  if (!Object.keys(values).length) return conversation;
  const [row] = await getDb().update(conversations).set(values).where(eq(conversations.id, conversation.id)).returning();
  return row;
}
const s = (c: { id: number }) => String(c.id);
const rowOf = async (c: { id: number }) => (await getDb().select().from(conversations).where(eq(conversations.id, c.id)))[0];

describe("POST /conversations/bulk", () => {
  it("applies each conversation's own rules and reports what was refused", async () => {
    const t = await createTeam();
    const other = await createTeam();
    const [team] = await getDb().insert(teams).values({ orgId: t.org.id, name: "Private" }).returning();
    const free = await conv(t.org, { status: "OPEN" });
    const held = await conv(t.org, { status: "HUMAN_HANDLING", assignedToId: t.admin.id });
    const closed = await conv(t.org, { status: "CLOSED" });
    const hidden = await conv(t.org, { status: "OPEN", teamId: team.id });
    const foreign = await conv(other.org, { status: "OPEN" });

    const res = await call(bulk, {
      token: t.agentToken,
      body: { ids: [s(free), s(held), s(closed), s(hidden), s(foreign), s(free)], action: "assign", userId: s(t.agent) },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      matched: 3,
      succeeded: 1,
      failed: [
        { id: s(held), code: "FORBIDDEN", message: expect.any(String) },
        { id: s(closed), code: "ALREADY_CLOSED", message: expect.any(String) },
        { id: s(hidden), code: "NOT_FOUND", message: "Conversation not found" },
        { id: s(foreign), code: "NOT_FOUND", message: "Conversation not found" },
      ],
    });
    expect((await rowOf(free)).assignedToId).toBe(t.agent.id);
    expect((await rowOf(foreign)).assignedToId).toBeNull();

    const priority = await call(bulk, { token: t.agentToken, body: { ids: [s(free), s(held)], action: "priority", priority: "URGENT" } });
    expect(priority.json).toMatchObject({ matched: 2, succeeded: 2, failed: [] });
    expect((await rowOf(held)).priority).toBe("URGENT");

    const [tag] = await getDb().insert(tags).values({ orgId: t.org.id, name: "Promo", color: "green" }).returning();
    const tagged = await call(bulk, { token: t.agentToken, body: { ids: [free.id, held.id, closed.id], action: "tag", tagId: tag.id } });
    expect(tagged.json).toMatchObject({ matched: 3, succeeded: 3 });
    const attached = await getDb().select().from(conversationTags).where(eq(conversationTags.tagId, tag.id));
    expect(attached.map((a) => a.conversationId).sort()).toEqual([free.id, held.id, closed.id].sort());
    const versionBefore = (await rowOf(free)).version;
    // Tagging again changes nothing, so no version bump either.
    await call(bulk, { token: t.agentToken, body: { ids: [free.id], action: "tag", tagId: tag.id } });
    expect((await rowOf(free)).version).toBe(versionBefore);
    await call(bulk, { token: t.agentToken, body: { ids: [free.id, held.id], action: "untag", tagId: tag.id } });
    expect(await getDb().select().from(conversationTags).where(eq(conversationTags.tagId, tag.id))).toHaveLength(1);

    const resolved = await call(bulk, { token: t.agentToken, body: { ids: [free.id, held.id], action: "resolve" } });
    expect(resolved.json).toMatchObject({ matched: 2, succeeded: 2 });
    expect((await rowOf(held)).status).toBe("CLOSED");
    const released = await call(bulk, { token: t.adminToken, body: { ids: [free.id], action: "unassign" } });
    expect(released.json.failed[0].code).toBe("ALREADY_CLOSED");

    expect((await call(bulk, { token: t.agentToken, body: { ids: [free.id], action: "tag", tagId: "999999" } })).status).toBe(404);
    const [foreignTag] = await getDb().insert(tags).values({ orgId: other.org.id, name: "Theirs", color: "red" }).returning();
    expect((await call(bulk, { token: t.agentToken, body: { ids: [free.id], action: "tag", tagId: foreignTag.id } })).status).toBe(404);
    expect((await call(bulk, { token: t.agentToken, body: { ids: [free.id], action: "assign", userId: other.agent.id } })).status).toBe(404);
    const missing = await call(bulk, { token: t.agentToken, body: { ids: [free.id], action: "assign" } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.details).toEqual([{ path: "userId", message: 'is required for action "assign"' }]);
    expect((await call(bulk, { token: t.agentToken, body: { ids: [], action: "resolve" } })).status).toBe(400);
    expect((await call(bulk, { token: t.agentToken, body: { ids: Array.from({ length: 201 }, (_, i) => i + 1), action: "resolve" } })).status).toBe(400);
    expect((await call(bulk, { token: t.agentToken, body: { ids: [free.id], action: "delete" } })).status).toBe(400);
  });
});

describe("GET /conversations/{id}/contact-history", () => {
  it("lists the contact's other conversations the caller may see, newest first", async () => {
    const t = await createTeam();
    const [team] = await getDb().insert(teams).values({ orgId: t.org.id, name: "Private" }).returning();
    const waId = "5215598765432";
    const first = await conv(t.org, { status: "CLOSED" }, waId);
    const second = await conv(t.org, { status: "CLOSED", teamId: team.id }, waId);
    const third = await conv(t.org, { status: "CLOSED" }, waId);
    const current = await conv(t.org, { status: "OPEN" }, waId);
    await conv(t.org, { status: "OPEN" });

    const admin = await call(contactHistory, { token: t.adminToken, params: { id: s(current) } });
    expect(admin.status).toBe(200);
    expect(admin.json.data.map((c: { id: string }) => c.id)).toEqual([third, second, first].map(s));
    expect(admin.json.data[0].contact.waId).toBe(waId);
    const agent = await call(contactHistory, { token: t.agentToken, params: { id: s(current) } });
    expect(agent.json.data.map((c: { id: string }) => c.id)).toEqual([third, first].map(s));
  });
});

describe("POST /conversations/{id}/generate-handoff-summary", () => {
  it("summarizes the customer's last messages: first sentences, no repeats, at most 600 characters", async () => {
    const t = await createTeam();
    const c = await conv(t.org);
    const empty = await call(summary, { token: t.agentToken, params: { id: s(c) }, body: {} });
    expect(empty.json).toEqual({ summary: "", source: "extractive" });

    await createInbound(c, "Hola, buenas tardes.   ¿Tienen envíos a Monterrey?");
    await createInbound(c, "hola, buenas tardes");
    await createInbound(c, "Quiero cambiar la talla del pedido 881");
    const res = await call(summary, { token: t.agentToken, params: { id: s(c) }, body: {} });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ summary: "Hola, buenas tardes. Quiero cambiar la talla del pedido 881.", source: "extractive" });

    for (let i = 0; i < 8; i++) await createInbound(c, `Mensaje ${i} ${"muy largo ".repeat(12)}fin. Segunda frase.`);
    const long = await call(summary, { token: t.agentToken, params: { id: s(c) }, body: {} });
    expect(long.json.summary.length).toBeLessThanOrEqual(600);
    // The newest words are kept when everything does not fit.
    expect(long.json.summary).toMatch(/^Mensaje \d .*Mensaje 7 .*fin\.$/);
    expect(long.json.summary).not.toContain("Segunda frase");
  });
});
