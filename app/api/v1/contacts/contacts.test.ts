import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { settleEvents } from "@/lib/events/emit";
import { contacts, getDb } from "@/lib/testing/db";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { GET as getContact, PATCH as patchContact } from "./[waId]/route";
import { GET as list } from "./route";

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const addContact = async (org: { id: number }, values: Partial<typeof contacts.$inferInsert> & { waId: string }) =>
  (await getDb().insert(contacts).values({ orgId: org.id, ...values }).returning())[0];
const waIds = (res: { json: { data: { waId: string }[] } }) => res.json.data.map((c) => c.waId);

describe("GET /contacts", () => {
  it("lists the org's contacts by latest activity with cursor pages", async () => {
    const { org, agentToken } = await createTeam();
    const other = await createTeam();
    await addContact(org, { waId: "5215500000001", profileName: "Ana", lastMessageAt: minutesAgo(30) });
    await addContact(org, { waId: "5215500000002", name: "Beto (VIP)", profileName: "beto", lastMessageAt: minutesAgo(5) });
    await addContact(org, { waId: "5215500000003", profileName: "Carla", createdAt: minutesAgo(10) });
    // Two contacts with the same activity instant: the id breaks the tie, so no page repeats or skips one.
    const same = minutesAgo(20);
    await addContact(org, { waId: "5215500000004", lastMessageAt: same });
    await addContact(org, { waId: "5215500000005", lastMessageAt: same });
    await addContact(other.org, { waId: "5215500000009", profileName: "Stranger" });

    const all = await call(list, { token: agentToken });
    expect(all.status).toBe(200);
    expect(waIds(all)).toEqual(["5215500000002", "5215500000003", "5215500000005", "5215500000004", "5215500000001"]);
    expect(all.json.nextCursor).toBeNull();
    expect(all.json.data[0]).toMatchObject({ displayName: "Beto (VIP)", name: "Beto (VIP)", profileName: "beto" });
    expect(all.json.data[2].displayName).toBe("+5215500000005");

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(list, { token: agentToken, query: { limit: "2", ...(cursor ? { cursor } : {}) } });
      expect(page.json.data.length).toBeLessThanOrEqual(2);
      seen.push(...waIds(page));
      cursor = page.json.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(waIds(all));

    expect(waIds(await call(list, { token: agentToken, query: { search: "beto" } }))).toEqual(["5215500000002"]);
    expect(waIds(await call(list, { token: agentToken, query: { search: "carl" } }))).toEqual(["5215500000003"]);
    expect(waIds(await call(list, { token: agentToken, query: { search: "00000001" } }))).toEqual(["5215500000001"]);
    expect(waIds(await call(list, { token: agentToken, query: { search: "stranger" } }))).toEqual([]);

    const bad = await call(list, { token: agentToken, query: { cursor: "not-a-cursor" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details).toEqual([{ path: "query.cursor", message: "is not a cursor this API returned" }]);
    expect((await call(list, { token: agentToken, query: { limit: "500" } })).status).toBe(400);
  });
});

describe("GET and PATCH /contacts/{waId}", () => {
  it("reads and renames or categorises a contact; empty values clear", async () => {
    const { org, agentToken } = await createTeam();
    const c = await addContact(org, { waId: "5215511112222", profileName: "Dani" });
    const got = await call(getContact, { token: agentToken, params: { waId: "+5215511112222" } });
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ id: String(c.id), waId: "5215511112222", displayName: "Dani", name: null, category: null });

    const named = await call(patchContact, { token: agentToken, params: { waId: "5215511112222" }, body: { name: "  Daniela Ruiz ", category: "VIP" } });
    expect(named.status).toBe(200);
    expect(named.json).toMatchObject({ name: "Daniela Ruiz", displayName: "Daniela Ruiz", category: "VIP", profileName: "Dani" });
    await settleEvents();

    const cleared = await call(patchContact, { token: agentToken, params: { waId: "5215511112222" }, body: { name: "", category: null } });
    expect(cleared.json).toMatchObject({ name: null, category: null, displayName: "Dani" });

    expect((await call(patchContact, { token: agentToken, params: { waId: "5215511112222" }, body: {} })).status).toBe(400);
    expect((await call(patchContact, { token: agentToken, params: { waId: "5215511112222" }, body: { email: "x@y.z" } })).status).toBe(400);
    expect((await call(getContact, { token: agentToken, params: { waId: "5215599999999" } })).status).toBe(404);
    expect((await call(getContact, { token: agentToken, params: { waId: "not-a-number" } })).status).toBe(404);
  });

  it("answers 404 for another organization's contact and leaves it untouched", async () => {
    const mine = await createTeam();
    const theirs = await createTeam();
    const c = await addContact(theirs.org, { waId: "5215533334444", profileName: "Eva" });
    const read = await call(getContact, { token: mine.adminToken, params: { waId: c.waId } });
    expect(read.status).toBe(404);
    expect(read.json.error.code).toBe("NOT_FOUND");
    const write = await call(patchContact, { token: mine.adminToken, params: { waId: c.waId }, body: { name: "Hijacked" } });
    expect(write.status).toBe(404);
    const [row] = await getDb().select().from(contacts).where(eq(contacts.id, c.id));
    expect(row.name).toBeNull();
  });
});

describe("contacts list at volume", () => {
  it("reads a page of a large org through the activity index, without sorting the org's contacts", async () => {
    const { org } = await createTeam();
    const other = await createTeam();
    for (const [o, n] of [[org, 30_000], [other.org, 5_000]] as const) {
      await getDb().execute(sql`
        insert into contacts (org_id, wa_id, profile_name, last_message_at, created_at)
        select ${o.id}, (5210000000000 + g)::text, 'Customer ' || g,
               case when g % 3 = 0 then null else now() - (g || ' minutes')::interval end, now() - (g || ' hours')::interval
        from generate_series(1, ${n}) g`);
    }
    await getDb().execute(sql`analyze contacts`);
    const plan = async (after: boolean) => {
      const rows = (await getDb().execute(sql`
        explain select * from contacts
        where org_id = ${org.id} ${after ? sql`and (coalesce(last_message_at, created_at), id) < (now() - interval '2 days', 1000000)` : sql``}
        order by coalesce(last_message_at, created_at) desc, id desc limit 51`)) as unknown as { "QUERY PLAN": string }[];
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    };
    for (const after of [false, true]) {
      const text = await plan(after);
      expect(text).toContain("contacts_org_activity_idx");
      expect(text).not.toMatch(/\bSort\b/);
    }
  });
});
