import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findOpenSession, touchSession } from "@/db/queries/bot-engine";
import { runHourlyMaintenance } from "@/lib/services/maintenance/hourly";
import { createConversation } from "@/lib/services/messages/testing";
import { botSessions, getDb } from "@/lib/testing/db";
import { createOrg } from "@/lib/testing/factories";

describe("bot sessions", () => {
  it("opens one session per conversation, counts turns, and abandons silent ones hourly", async () => {
    const org = await createOrg();
    const { conversation: quiet } = await createConversation(org, { status: "BOT_HANDLING" });
    const { conversation: busy } = await createConversation(org, { status: "BOT_HANDLING" });
    const now = new Date();
    await touchSession(org.id, quiet.id, null, new Date(now.getTime() - 25 * 3600_000));
    await touchSession(org.id, busy.id, null, new Date(now.getTime() - 26 * 3600_000));
    await touchSession(org.id, busy.id, null, new Date(now.getTime() - 3600_000));
    expect(await findOpenSession(org.id, busy.id)).toMatchObject({ turns: 2 });

    await runHourlyMaintenance(now);
    const [q] = await getDb().select().from(botSessions).where(eq(botSessions.conversationId, quiet.id));
    expect(q).toMatchObject({ closureType: "ABANDONED", turns: 1 });
    expect(await findOpenSession(org.id, busy.id)).toMatchObject({ closureType: null });
  });
});
