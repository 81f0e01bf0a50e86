import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { searchThreadMessages, type SearchInput } from "@/db/queries/thread";
import { conversations, teams } from "@/db/schema";
import { createOrg } from "@/lib/testing/factories";
import { createConversation, createInbound } from "./testing";

/**
 * Both passes of the search with a window of 3 messages, so that the rare-word pass runs on a handful of rows.
 * The query answers up to limit + 1 rows (the service cuts the page and makes the cursor from the extra one).
 */
const WINDOW = 3;
const ids = async (input: Omit<SearchInput, "limit"> & { limit?: number }) =>
  (await searchThreadMessages({ limit: 1, ...input }, getDb(), WINDOW)).map((h) => h.message.id);

describe("searchThreadMessages", () => {
  it("finds words beyond the newest messages through the index, newest first, page by page", async () => {
    const org = await createOrg();
    const { conversation } = await createConversation(org);
    const old1 = await createInbound(conversation, "factura de marzo");
    const old2 = await createInbound(conversation, "otra factura");
    const old3 = await createInbound(conversation, "la factura final");
    for (const body of ["hola", "gracias", "adiós", "ok"]) await createInbound(conversation, body);
    const v = { orgId: org.id, teamIds: null };

    expect(await ids({ q: "factura", visibility: v })).toEqual([old3.id, old2.id]);
    expect(await ids({ q: "factura", visibility: v, beforeId: old2.id })).toEqual([old1.id]);
    expect(await ids({ q: "factura", visibility: v, conversationId: conversation.id, limit: 5 })).toEqual([old3.id, old2.id, old1.id]);
    expect(await ids({ q: "gracias", visibility: v })).toEqual([expect.any(Number)]);
    expect(await ids({ q: "zebra", visibility: v })).toEqual([]);
  });

  it("applies team visibility in both passes", async () => {
    const org = await createOrg();
    const [team] = await getDb().insert(teams).values({ orgId: org.id, name: "VIP" }).returning();
    const open = await createConversation(org);
    const vip = await createConversation(org);
    await getDb().update(conversations).set({ teamId: team.id }).where(eq(conversations.id, vip.conversation.id));
    const visibleOld = await createInbound(open.conversation, "reembolso pendiente");
    const hiddenOld = await createInbound(vip.conversation, "reembolso VIP");
    for (const body of ["uno", "dos", "tres", "cuatro"]) await createInbound(open.conversation, body);
    const hiddenNew = await createInbound(vip.conversation, "reembolso urgente");

    const agent = { orgId: org.id, teamIds: [] };
    expect(await ids({ q: "reembolso", visibility: agent, limit: 5 })).toEqual([visibleOld.id]);
    expect(await ids({ q: "reembolso", visibility: { orgId: org.id, teamIds: [team.id] }, limit: 5 })).toEqual([hiddenNew.id, hiddenOld.id, visibleOld.id]);
    expect(await ids({ q: "reembolso", visibility: { orgId: org.id + 1, teamIds: null }, limit: 5 })).toEqual([]);
  });
});
