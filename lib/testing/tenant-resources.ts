import { getDb } from "@/db/client";
import { botPromptVersions, invitations, quickReplies, tags, teams } from "@/db/schema";
import { randomToken, sha256 } from "@/lib/crypto/tokens";
import { createApiKey, createUser } from "./factories";
import { createAlert, createTemplateRow, createWhatsappAccount } from "./account-factories";
import { createBotConfig, createBotMediaRow, createConnection, createDocument, createIntent, createPreset, createSnapshot, createTool } from "./bot-factories";
import { createSimulatedContact } from "./sandbox-factories";
import { createBotTemplateRow } from "@/lib/services/bot/library-testing";
import { createConversation, createFailed } from "@/lib/services/messages/testing";

/**
 * One factory per `tenantResource` kind named by contracts: it creates such a row in the given org and returns its id.
 * The generated checks use them to prove that another org's ids answer 404. A new kind of resource adds a line here.
 */
export const TENANT_RESOURCES: Record<string, (org: { id: number }) => Promise<number>> = {
  user: async (org) => (await createUser({ org, role: "AGENT" })).id,
  apiKey: async (org) => (await createApiKey(org)).row.id,
  invitation: async (org) => {
    const [row] = await getDb()
      .insert(invitations)
      .values({ orgId: org.id, email: `invitee-${randomToken(4)}@example.test`, tokenHash: sha256(randomToken()), expiresAt: new Date(Date.now() + 86_400_000) })
      .returning();
    return row.id;
  },
  whatsappAccount: async (org) => (await createWhatsappAccount(org)).id,
  template: async (org) => (await createTemplateRow(org)).id,
  alert: async (org) => (await createAlert(org)).id,
  sandboxCustomer: async (org) => (await createSimulatedContact(org)).id,
  conversation: async (org) => (await createConversation(org)).conversation.id,
  tag: async (org) => (await getDb().insert(tags).values({ orgId: org.id, name: `tag-${randomToken(4)}`, color: "blue" }).returning())[0].id,
  quickReply: async (org) => (await getDb().insert(quickReplies).values({ orgId: org.id, shortcut: `qr-${randomToken(4).toLowerCase()}`, title: "Hi", body: "Hello" }).returning())[0].id,
  team: async (org) => (await getDb().insert(teams).values({ orgId: org.id, name: `team-${randomToken(4)}` }).returning())[0].id,
  message: async (org) => (await createFailed((await createConversation(org)).conversation)).id,
  botConfig: async (org) => (await createBotConfig(org)).id,
  botIntent: async (org) => (await createIntent(org)).id,
  botPreset: async (org) => (await createPreset(org)).id,
  botPromptVersion: async (org) => (await getDb().insert(botPromptVersions).values({ orgId: org.id, configId: (await createBotConfig(org)).id, version: 1, systemPrompt: "Hola" }).returning())[0].id,
  botDocument: async (org) => (await createDocument(org)).id,
  botMedia: async (org) => (await createBotMediaRow(org)).id,
  botTool: async (org) => (await createTool(org)).id,
  connection: async (org) => (await createConnection(org)).id,
  botSnapshot: async (org) => (await createSnapshot(org)).id,
  // Templates are platform-wide: an unpublished one is what an organization must not reach (404).
  botTemplate: async () => (await createBotTemplateRow()).id,
};
