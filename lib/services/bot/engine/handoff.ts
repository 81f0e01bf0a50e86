import { getDb } from "@/db/client";
import { closeSession, handoffRecipients } from "@/db/queries/bot-engine";
import type { ConversationRow } from "@/db/queries/conversations";
import { findActiveTeam, findInboxConversation, updateInboxConversation } from "@/db/queries/inbox-conversations";
import { findOrganization } from "@/db/queries/users";
import type { ProviderSettings } from "@/lib/ai/providers";
import { emit } from "@/lib/events/emit";
import { log } from "@/lib/log";
import { systemNote, type Effects } from "@/lib/services/conversations/change";
import { handoffSummaryFor } from "@/lib/services/conversations/handoff-summary";
import { closing } from "@/lib/services/conversations/resolve";
import { systemActor } from "@/lib/services/messages/actor";
import { sendMessage } from "@/lib/services/messages/send-message";
import { notify, pushNotifications } from "@/lib/services/notifications/notify";

export type HandoffInput = {
  reason: string;
  /** The intent's or the config's team; null/undefined keeps the conversation's. */
  teamId?: number | null;
  /** Said to the customer once the conversation is with the humans (the config's handoffMessage). */
  handoffMessage?: string | null;
  /** The active config's model settings, which write the summary, when the caller has them (else read here). */
  provider?: ProviderSettings | null;
};

/**
 * THE bot → human transition, whatever the reason (customer asked, low confidence, tool failed, intent, budget,
 * error, an external workflow): only from BOT_HANDLING and under the conversation's row lock, so it happens once and
 * never over an agent. The conversation becomes HUMAN_HANDLING (with the team and a summary), a system note says why,
 * the team (or every admin) is notified, the bot session closes as ESCALATED. The bot then stays silent until an
 * agent returns the conversation to it. Returns null when the conversation was no longer the bot's.
 */
export async function handOffToHuman(orgId: number, conversationId: number, input: HandoffInput): Promise<ConversationRow | null> {
  const org = await findOrganization(orgId);
  if (!org) return null;
  // Written before the lock: an AI summary can take seconds and must not hold the row.
  const { summary } = await handoffSummaryFor(orgId, conversationId, input.provider);
  const fx: Effects = { notes: [], notifications: [] };
  const row = await getDb().transaction(async (tx) => {
    const current = await findInboxConversation(orgId, conversationId, tx, true);
    if (!current || current.status !== "BOT_HANDLING") return null;
    const team = input.teamId ? await findActiveTeam(orgId, input.teamId, tx) : undefined;
    const teamId = team?.id ?? current.teamId;
    await systemNote({ user: null, org }, tx, current, "botHandoff", fx, { reason: input.reason, teamId: teamId === null ? null : String(teamId) });
    const updated = await updateInboxConversation(tx, orgId, conversationId, { status: "HUMAN_HANDLING", teamId, handoffSummary: summary || current.handoffSummary });
    const recipients = await handoffRecipients(orgId, teamId, tx);
    fx.notifications.push(...(await notify(orgId, recipients.map((userId) => ({ userId, type: "HANDOFF" as const, conversationId, messageId: fx.notes[0] ?? null })), tx)));
    await closeSession(orgId, conversationId, "ESCALATED", new Date(), tx);
    return updated;
  });
  if (!row) return null;
  emit("conversation.updated", { orgId, conversationId, version: row.version });
  for (const messageId of fx.notes) emit("message.created", { orgId, conversationId, messageId, direction: "OUTBOUND" });
  pushNotifications(fx.notifications);

  const text = input.handoffMessage?.trim();
  if (text) {
    // Best effort: a closed window or a failed send must not undo the hand-off.
    await sendMessage(systemActor(orgId, "BOT"), { conversationId, kind: "text", text }).catch((error: unknown) => log.warn("hand-off message not sent", { orgId, conversationId, error }));
  }
  return row;
}

/** An END intent: the bot said goodbye; the conversation is resolved and its session RESOLVED_CONFIRMED. */
export async function endBotConversation(orgId: number, conversationId: number): Promise<ConversationRow | null> {
  const row = await getDb().transaction(async (tx) => {
    const current = await findInboxConversation(orgId, conversationId, tx, true);
    if (!current || current.status !== "BOT_HANDLING") return null;
    await closeSession(orgId, conversationId, "RESOLVED_CONFIRMED", new Date(), tx);
    return updateInboxConversation(tx, orgId, conversationId, closing());
  });
  if (row) emit("conversation.updated", { orgId, conversationId, version: row.version });
  return row;
}
