import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createConversation } from "@/lib/services/messages/testing";
import { contacts, conversations, conversationTags, getDb, tags, teamMembers, teams } from "@/lib/testing/db";
import { createTeam, createUser, tokenFor } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { GET as categories } from "./categories/route";
import { GET as counts } from "./counts/route";
import { GET as getOne, PATCH as patch } from "./[id]/route";
import { GET as list } from "./route";

type Conv = typeof conversations.$inferSelect;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

/** A conversation with the given fields (contact named `name`), written straight to the table. */
async function conv(org: { id: number }, values: Partial<typeof conversations.$inferInsert> & { name?: string; profileName?: string; waId?: string } = {}) {
  const { name, profileName, waId, ...rest } = values;
  const { conversation, contact } = await createConversation(org, { account: null, waId });
  if (name || profileName) await getDb().update(contacts).set({ name, profileName }).where(eq(contacts.id, contact.id));
  const [row] = await getDb().update(conversations).set(rest).where(eq(conversations.id, conversation.id)).returning();
  return row;
}

const ids = (res: { json: { data: { id: string }[] } }) => res.json.data.map((c) => c.id);
const idsOf = (rows: Conv[]) => rows.map((r) => String(r.id));

async function pageAll(token: string, query: Record<string, string>, limit = 2) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const res = await call(list, { token, query: { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) } });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.data.length).toBeLessThanOrEqual(limit);
    seen.push(...ids(res));
    cursor = res.json.nextCursor ?? undefined;
    if (!cursor) return seen;
  }
  throw new Error("cursor never ended");
}

describe("GET /conversations", () => {
  let t: Awaited<ReturnType<typeof createTeam>>;
  let rows: Record<string, Conv>;
  let hiddenTeam: number;
  let myTeam: number;
  beforeAll(async () => {
    t = await createTeam();
    const [mine, hidden] = await getDb()
      .insert(teams)
      .values([
        { orgId: t.org.id, name: "Ventas" },
        { orgId: t.org.id, name: "Soporte" },
      ])
      .returning();
    myTeam = mine.id;
    hiddenTeam = hidden.id;
    await getDb().insert(teamMembers).values({ orgId: t.org.id, teamId: myTeam, userId: t.agent.id });
    const same = minutesAgo(30);
    rows = {
      open: await conv(t.org, { name: "Ana López", status: "OPEN", lastMessageAt: minutesAgo(5), lastCustomerMessageAt: minutesAgo(5), lastMessageDirection: "INBOUND", unreadCount: 2 }),
      mine: await conv(t.org, {
        profileName: "beto",
        status: "HUMAN_HANDLING",
        assignedToId: t.agent.id,
        lastMessageAt: minutesAgo(10),
        lastCustomerMessageAt: minutesAgo(10),
        lastMessageDirection: "INBOUND",
        priority: "HIGH",
      }),
      waiting: await conv(t.org, {
        status: "WAITING_FOR_CUSTOMER",
        assignedToId: t.admin.id,
        lastMessageAt: same,
        lastCustomerMessageAt: minutesAgo(60),
        lastMessageDirection: "OUTBOUND",
        waId: "5215512345678",
      }),
      bot: await conv(t.org, { status: "BOT_HANDLING", lastMessageAt: same, lastCustomerMessageAt: minutesAgo(90), lastMessageDirection: "INBOUND", teamId: myTeam }),
      closed: await conv(t.org, { status: "CLOSED", closedAt: minutesAgo(1), lastMessageAt: minutesAgo(2) }),
      snoozed: await conv(t.org, { status: "OPEN", snoozedUntil: new Date(Date.now() + 3_600_000), lastMessageAt: minutesAgo(3) }),
      wokeUp: await conv(t.org, { status: "OPEN", snoozedUntil: minutesAgo(1), lastMessageAt: minutesAgo(40), lastMessageDirection: "OUTBOUND" }),
      otherTeam: await conv(t.org, { status: "OPEN", teamId: hiddenTeam, lastMessageAt: minutesAgo(4) }),
    };
    const other = await createTeam();
    await conv(other.org, { name: "Ana López", status: "OPEN" });
  });

  it("lists what the caller may see, newest activity first, without closed or snoozed ones", async () => {
    const admin = await call(list, { token: t.adminToken });
    expect(admin.status).toBe(200);
    const { open, mine, waiting, bot, otherTeam, wokeUp } = rows;
    // waiting and bot share their activity instant: the higher id comes first, on every page.
    expect(ids(admin)).toEqual(idsOf([otherTeam, open, mine, bot, waiting, wokeUp]));
    expect(admin.json.nextCursor).toBeNull();
    // The agent is not in "Soporte": its conversation answers as if it did not exist.
    const agent = await call(list, { token: t.agentToken });
    expect(ids(agent)).toEqual(idsOf([open, mine, bot, waiting, wokeUp]));

    const dto = admin.json.data[1];
    expect(dto).toMatchObject({
      id: String(open.id),
      displayId: open.displayId,
      status: "OPEN",
      priority: "NORMAL",
      unreadCount: 2,
      contact: { name: "Ana López" },
      assignee: null,
      team: null,
      tags: [],
      lastMessageDirection: "INBOUND",
      version: open.version,
    });
    expect(Date.parse(dto.windowExpiresAt) - Date.parse(dto.lastCustomerMessageAt)).toBe(24 * 3_600_000);
    expect(admin.json.data[3].team).toEqual({ id: String(myTeam), name: "Ventas", color: null });
    expect(admin.json.data[2].assignee).toEqual({ id: String(t.agent.id), name: "Alan Agent", avatarUrl: null });
  });

  it("pages every sort with a keyset cursor that neither repeats nor skips under ties", async () => {
    const { open, mine, waiting, bot, wokeUp } = rows;
    const expected: Record<string, Conv[]> = {
      newest: [open, mine, bot, waiting, wokeUp],
      oldest: [wokeUp, waiting, bot, mine, open],
      // Only those whose last message is the customer's, who waited longest first.
      waiting_longest: [bot, mine, open],
      created_newest: [wokeUp, bot, waiting, mine, open],
      created_oldest: [open, mine, waiting, bot, wokeUp],
    };
    for (const [sort, order] of Object.entries(expected)) {
      expect(await pageAll(t.agentToken, { sort }), sort).toEqual(idsOf(order));
    }
    const first = await call(list, { token: t.agentToken, query: { sort: "newest", limit: "1" } });
    const wrongSort = await call(list, { token: t.agentToken, query: { sort: "oldest", cursor: first.json.nextCursor } });
    expect(wrongSort.status).toBe(400);
    expect((await call(list, { token: t.agentToken, query: { cursor: "garbage" } })).status).toBe(400);
    expect((await call(list, { token: t.agentToken, query: { limit: "101" } })).status).toBe(400);
    expect((await call(list, { token: t.agentToken, query: { sort: "random" } })).status).toBe(400);
    expect((await call(list, { token: t.agentToken, query: { unknown: "1" } })).status).toBe(400);
  });

  it("filters by status, assignee, team, tag, priority, sub-filter and snooze", async () => {
    const { open, mine, waiting, bot, closed, snoozed, wokeUp, otherTeam } = rows;
    const q = async (query: Record<string, string>, token = t.adminToken) => ids(await call(list, { token, query }));
    expect(await q({ status: "CLOSED" })).toEqual(idsOf([closed]));
    expect(await q({ status: "OPEN" })).toEqual(idsOf([otherTeam, open, wokeUp]));
    expect(await q({ assignedTo: "me" }, t.agentToken)).toEqual(idsOf([mine]));
    expect(await q({ assignedTo: "me" })).toEqual(idsOf([waiting]));
    expect(await q({ assignedTo: String(t.agent.id) })).toEqual(idsOf([mine]));
    expect(await q({ assignedTo: "unassigned" }, t.agentToken)).toEqual(idsOf([open, bot, wokeUp]));
    expect(await q({ teamId: String(myTeam) }, t.agentToken)).toEqual(idsOf([bot]));
    expect(await q({ teamId: String(hiddenTeam) }, t.agentToken)).toEqual([]);
    expect(await q({ priority: "HIGH" })).toEqual(idsOf([mine]));
    expect(await q({ subFilter: "unread" })).toEqual(idsOf([open]));
    // needs_action: OPEN, or a person has it and the customer spoke last.
    expect(await q({ subFilter: "needs_action" }, t.agentToken)).toEqual(idsOf([open, mine, wokeUp]));
    expect(await q({ snoozed: "true" })).toEqual(idsOf([snoozed]));

    const [tag] = await getDb().insert(tags).values({ orgId: t.org.id, name: "VIP", color: "blue" }).returning();
    await getDb()
      .insert(conversationTags)
      .values([waiting, bot].map((c) => ({ orgId: t.org.id, conversationId: c.id, tagId: tag.id })));
    expect(await q({ tagId: String(tag.id) })).toEqual(idsOf([bot, waiting]));
    const tagged = await call(list, { token: t.adminToken, query: { tagId: String(tag.id) } });
    expect(tagged.json.data[0].tags).toEqual([{ id: String(tag.id), name: "VIP", color: "blue" }]);
  });

  it("searches contact name, profile name, number and #number", async () => {
    const { open, mine, waiting } = rows;
    const q = async (search: string) => ids(await call(list, { token: t.agentToken, query: { search } }));
    expect(await q("ana")).toEqual(idsOf([open]));
    expect(await q("LÓPEZ")).toEqual(idsOf([open]));
    expect(await q("BETO")).toEqual(idsOf([mine]));
    expect(await q("+52 155 1234")).toEqual(idsOf([waiting]));
    expect(await q(`#${mine.displayId}`)).toEqual(idsOf([mine]));
    expect(await q("100%_")).toEqual([]);
  });
});

describe("GET /conversations/counts", () => {
  it("counts every badge in one answer, for the caller's view", async () => {
    const t = await createTeam();
    const [team] = await getDb().insert(teams).values({ orgId: t.org.id, name: "Hidden" }).returning();
    await conv(t.org, { status: "OPEN", unreadCount: 3, category: "sales" });
    await conv(t.org, { status: "HUMAN_HANDLING", assignedToId: t.agent.id, unreadCount: 1, lastMessageDirection: "INBOUND", source: { ad: "x" } });
    await conv(t.org, { status: "WAITING_FOR_CUSTOMER", assignedToId: t.agent.id, lastMessageDirection: "OUTBOUND" });
    await conv(t.org, { status: "HUMAN_HANDLING", assignedToId: t.admin.id, lastMessageDirection: "OUTBOUND", category: "sales" });
    await conv(t.org, { status: "CLOSED", unreadCount: 5 });
    await conv(t.org, { status: "OPEN", unreadCount: 1, snoozedUntil: new Date(Date.now() + 60_000) });
    await conv(t.org, { status: "OPEN", unreadCount: 1, teamId: team.id });

    const agent = await call(counts, { token: t.agentToken });
    expect(agent.status).toBe(200);
    expect(agent.json).toEqual({
      all: 4,
      unread: 2,
      needsAction: 2,
      views: { mine: { total: 2, unread: 1 }, unassigned: { total: 1, unread: 1 }, all: { total: 4, unread: 2 } },
    });
    const admin = await call(counts, { token: t.adminToken, query: { assignedTo: "me" } });
    expect(admin.json).toEqual({
      all: 1,
      unread: 0,
      needsAction: 0,
      views: { mine: { total: 1, unread: 0 }, unassigned: { total: 2, unread: 2 }, all: { total: 5, unread: 3 } },
    });
    expect((await call(counts, { token: t.adminToken, query: { category: "sales" } })).json.all).toBe(2);
    expect((await call(counts, { token: t.adminToken, query: { origin: "ad" } })).json.all).toBe(1);
    expect((await call(counts, { token: t.adminToken, query: { origin: "organic" } })).json.all).toBe(4);
    expect((await call(counts, { token: t.adminToken, query: { status: "CLOSED" } })).json.all).toBe(1);
    expect((await call(counts, { token: t.adminToken, query: { teamId: String(team.id) } })).json.all).toBe(1);
    expect((await call(counts, { token: t.adminToken, query: { origin: "tv" } })).status).toBe(400);

    const cats = await call(categories, { token: t.agentToken });
    expect(cats.json).toEqual({ data: ["sales"] });
  });
});

describe("GET and PATCH /conversations/{id}", () => {
  it("reads one conversation; another org's or another team's is a 404", async () => {
    const t = await createTeam();
    const other = await createTeam();
    const c = await conv(t.org, { status: "OPEN" });
    const res = await call(getOne, { token: t.agentToken, params: { id: String(c.id) } });
    expect(res.status).toBe(200);
    expect(res.json.id).toBe(String(c.id));
    expect((await call(getOne, { token: other.adminToken, params: { id: String(c.id) } })).status).toBe(404);
    const [team] = await getDb().insert(teams).values({ orgId: t.org.id, name: "Closed group" }).returning();
    await getDb().update(conversations).set({ teamId: team.id }).where(eq(conversations.id, c.id));
    expect((await call(getOne, { token: t.agentToken, params: { id: String(c.id) } })).status).toBe(404);
    expect((await call(getOne, { token: t.adminToken, params: { id: String(c.id) } })).status).toBe(200);
    // Membership of a deactivated team no longer opens the door.
    await getDb().insert(teamMembers).values({ orgId: t.org.id, teamId: team.id, userId: t.agent.id });
    expect((await call(getOne, { token: t.agentToken, params: { id: String(c.id) } })).status).toBe(200);
    await getDb().update(teams).set({ isActive: false }).where(eq(teams.id, team.id));
    expect((await call(getOne, { token: t.agentToken, params: { id: String(c.id) } })).status).toBe(404);
  });

  it("changes priority, category, snooze, team and status with a version bump each time", async () => {
    const t = await createTeam();
    const c = await conv(t.org, { status: "OPEN" });
    const id = { id: String(c.id) };
    const p = (body: unknown, token = t.agentToken) => call(patch, { token, params: id, body });

    const first = await p({ priority: "URGENT", category: " billing " });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ priority: "URGENT", category: "billing", version: c.version + 1 });
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const snoozed = await p({ snoozedUntil: until });
    expect(snoozed.json).toMatchObject({ snoozedUntil: until, version: c.version + 2 });
    expect((await p({ snoozedUntil: minutesAgo(1).toISOString() })).status).toBe(400);
    expect((await p({ snoozedUntil: null })).json.snoozedUntil).toBeNull();
    // Nothing changes: no version bump.
    expect((await p({ priority: "URGENT" })).json.version).toBe(c.version + 3);

    const [team] = await getDb().insert(teams).values({ orgId: t.org.id, name: "Billing" }).returning();
    expect((await p({ teamId: String(team.id) })).json.team).toMatchObject({ id: String(team.id), name: "Billing" });
    // Handed to a team the agent is not in: it leaves their view.
    expect((await p({ priority: "LOW" })).status).toBe(404);
    expect((await p({ teamId: null }, t.adminToken)).json.team).toBeNull();
    expect((await p({ teamId: "999999" })).status).toBe(404);

    const human = await p({ status: "HUMAN_HANDLING" });
    expect(human.status).toBe(422);
    expect(human.json.error.code).toBe("NOT_ASSIGNED");
    const closed = await p({ status: "CLOSED" });
    expect(closed.json).toMatchObject({ status: "CLOSED", unreadCount: 0 });
    expect(closed.json.closedAt).not.toBeNull();
    expect((await p({ snoozedUntil: until })).json.error.code).toBe("ALREADY_CLOSED");

    // Reopening is refused while the contact has another active conversation.
    const again = await createConversation(t.org, { account: null, waId: (await getDb().select().from(contacts).where(eq(contacts.id, c.contactId)))[0].waId });
    const reopen = await p({ status: "OPEN" });
    expect(reopen.status).toBe(422);
    expect(reopen.json.error.code).toBe("ACTIVE_CONVERSATION_EXISTS");
    await getDb().update(conversations).set({ status: "CLOSED" }).where(eq(conversations.id, again.conversation.id));
    const reopened = await p({ status: "OPEN" });
    expect(reopened.json).toMatchObject({ status: "OPEN", closedAt: null });

    expect((await p({})).status).toBe(400);
    expect((await p({ status: "DONE" })).status).toBe(400);
    expect((await p({ assignedToId: "1" })).status).toBe(400);
  });

  it("an agent cannot move someone else's conversation back to the queue", async () => {
    const t = await createTeam();
    const other = await createUser({ org: t.org, role: "AGENT", name: "Otra" });
    const c = await conv(t.org, { status: "HUMAN_HANDLING", assignedToId: other.id });
    const res = await call(patch, { token: t.agentToken, params: { id: String(c.id) }, body: { status: "OPEN" } });
    expect(res.status).toBe(403);
    const mine = await call(patch, { token: await tokenFor(other, t.org), params: { id: String(c.id) }, body: { status: "OPEN" } });
    expect(mine.json).toMatchObject({ status: "OPEN", assignee: null });
  });
});
