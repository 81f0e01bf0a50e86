import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createConversation } from "@/lib/services/messages/testing";
import { conversations, getDb, teamMembers, teams } from "@/lib/testing/db";
import { createApiKey, createTeam, ctxFor } from "@/lib/testing/factories";
import { channelAllowed } from "./authorize";

describe("channelAllowed", () => {
  it("lets members join the org, their own user channel and presence of conversations they may see", async () => {
    const t = await createTeam();
    const other = await createTeam();
    const agent = await ctxFor(t.agent, t.org);
    const admin = await ctxFor(t.admin, t.org);
    const { conversation } = await createConversation(t.org);
    const foreign = await createConversation(other.org);

    expect(await channelAllowed(agent, `private-org-${t.org.id}`)).toBe(true);
    expect(await channelAllowed(agent, `presence-org-${t.org.id}`)).toBe(true);
    expect(await channelAllowed(agent, `private-user-${t.agent.id}`)).toBe(true);
    expect(await channelAllowed(agent, `private-user-${t.admin.id}`)).toBe(false);
    expect(await channelAllowed(agent, `private-org-${other.org.id}`)).toBe(false);
    expect(await channelAllowed(agent, `presence-conversation-${conversation.id}`)).toBe(true);
    expect(await channelAllowed(agent, `presence-conversation-${foreign.conversation.id}`)).toBe(false);
    expect(await channelAllowed(agent, "presence-conversation-abc")).toBe(false);
    expect(await channelAllowed(agent, "presence-conversation-999999999")).toBe(false);

    const [team] = await getDb().insert(teams).values({ orgId: t.org.id, name: "VIP" }).returning();
    await getDb().update(conversations).set({ teamId: team.id }).where(eq(conversations.id, conversation.id));
    expect(await channelAllowed(agent, `presence-conversation-${conversation.id}`)).toBe(false);
    expect(await channelAllowed(admin, `presence-conversation-${conversation.id}`)).toBe(true);
    await getDb().insert(teamMembers).values({ teamId: team.id, userId: t.agent.id, orgId: t.org.id });
    expect(await channelAllowed(agent, `presence-conversation-${conversation.id}`)).toBe(true);
  });

  it("keeps API keys out of conversation presence", async () => {
    const t = await createTeam();
    const { conversation } = await createConversation(t.org);
    const key = await createApiKey(t.org);
    const { authenticate } = await import("@/lib/auth/principal");
    const principal = await authenticate(new Request("http://localhost/", { headers: { authorization: `Bearer ${key.secret}` } }));
    expect(await channelAllowed(principal!, `presence-conversation-${conversation.id}`)).toBe(false);
    expect(await channelAllowed(principal!, `private-org-${t.org.id}`)).toBe(true);
  });
});
