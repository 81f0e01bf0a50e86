import { findMessage } from "@/db/queries/messages";
import { findConversationWithContact, latestInboundWithWamid, type MessageRow } from "@/db/queries/outbound";
import { findAccount } from "@/db/queries/whatsapp-accounts";
import { errors } from "@/lib/api/errors";
import { log } from "@/lib/log";
import { graphFor } from "@/lib/services/whatsapp/accounts-core";
import { GraphError } from "@/lib/whatsapp/graph";
import type { SendActor } from "./actor";

export type MarkReadResult = { marked: boolean; messageId: string | null };

/**
 * Blue ticks for the customer (and, with `typing`, the "typing…" indicator, which WhatsApp shows for up to 25 s or
 * until we answer). Best effort: the inbox must not fail because Meta did not take a read receipt, so Graph errors
 * are logged and reported as marked: false.
 */
async function markRead(m: MessageRow, typing: boolean): Promise<MarkReadResult> {
  const account = m.whatsappAccountId ? await findAccount(m.orgId, m.whatsappAccountId) : undefined;
  if (!account || !m.providerMessageId) return { marked: false, messageId: String(m.id) };
  try {
    await graphFor(account).markRead(m.providerMessageId, typing);
    return { marked: true, messageId: String(m.id) };
  } catch (e) {
    if (!(e instanceof GraphError) && !(e instanceof Error && ["TimeoutError", "AbortError", "TypeError"].includes(e.name))) throw e;
    log.warn("whatsapp mark-read failed", { messageId: m.id, error: e });
    return { marked: false, messageId: String(m.id) };
  }
}

/** Marks the conversation's latest inbound message read (WhatsApp then counts everything before it as read). */
export async function markConversationRead(actor: SendActor, conversationId: number, opts: { typing?: boolean } = {}): Promise<MarkReadResult> {
  const found = await findConversationWithContact(actor.orgId, conversationId);
  if (!found) throw errors.notFound("Conversation");
  return markLatestInboundRead(actor.orgId, conversationId, opts);
}

/** The same for a conversation the caller has already looked up (the inbox's read and typing). */
export async function markLatestInboundRead(orgId: number, conversationId: number, opts: { typing?: boolean } = {}): Promise<MarkReadResult> {
  const last = await latestInboundWithWamid(orgId, conversationId);
  if (!last) return { marked: false, messageId: null };
  return markRead(last, opts.typing ?? false);
}

/** Marks one inbound message read. */
export async function markMessageRead(actor: SendActor, messageId: number, opts: { typing?: boolean } = {}): Promise<MarkReadResult> {
  const m = await findMessage(actor.orgId, messageId);
  if (!m) throw errors.notFound("Message");
  if (m.direction !== "INBOUND") throw errors.rule("NOT_INBOUND", "Only a customer's message can be marked as read");
  return markRead(m, opts.typing ?? false);
}
