import { randomUUID } from "node:crypto";
import { insertTrace, touchSession } from "@/db/queries/bot-engine";
import { findActiveConfig } from "@/db/queries/bot-settings";
import { findInboxConversation } from "@/db/queries/inbox-conversations";
import { findConversationWithContact } from "@/db/queries/outbound";
import type { OutboundMessageInput } from "@/lib/api/contracts/message-input";
import type { MessageDto } from "@/lib/api/contracts/messages";
import type { Ctx } from "@/lib/api/context";
import { AppError, errors } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { safeFetch } from "@/lib/net/safe-fetch";
import { systemActor } from "@/lib/services/messages/actor";
import { sendMessage } from "@/lib/services/messages/send-message";
import { providerOf } from "@/lib/services/bot/provider";
import { recordUsage } from "@/lib/services/bot/usage";
import { handOffToHuman } from "./handoff";
import { errorText } from "./trace";

/**
 * The EXTERNAL engine: an n8n (or any) workflow answers. Each unanswered customer message is POSTed to the org's
 * webhook (through the SSRF guard); the workflow answers later through POST /n8n/bot-response with an org API key.
 */

const WEBHOOK_TIMEOUT_MS = 10_000;

export async function forwardToExternal(input: { orgId: number; conversationId: number; messageId: number; text: string; url: string }) {
  const { orgId, conversationId, messageId, text, url } = input;
  const started = Date.now();
  // The trace claims the message first, so a redelivered job never posts it twice.
  const claimed = await insertTrace({
    traceId: randomUUID(),
    orgId,
    conversationId,
    messageId,
    source: "WHATSAPP",
    input: text.slice(0, 4000),
    outcome: "SKIPPED",
    steps: [{ type: "send", name: "external_webhook", ms: 0 }],
  });
  if (!claimed) return;
  const contact = (await findConversationWithContact(orgId, conversationId))?.contact;
  try {
    const res = await safeFetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        event: "message.received",
        conversationId: String(conversationId),
        messageId: String(messageId),
        text,
        contact: contact ? { waId: contact.waId, name: contact.name ?? contact.profileName ?? null } : null,
        replyUrl: `${env().APP_URL.replace(/\/+$/, "")}/api/v1/n8n/bot-response`,
      }),
      timeoutMs: WEBHOOK_TIMEOUT_MS,
      maxBytes: 64 * 1024,
      maxRedirects: 0,
    });
    if (res.status < 200 || res.status >= 300) throw new Error(`The external bot webhook answered HTTP ${res.status}`);
  } catch (error) {
    log.warn("external bot webhook failed; handing off", { orgId, conversationId, ms: Date.now() - started, error: errorText(error) });
    await handOffWithActiveConfig(orgId, conversationId, "error");
  }
}

/** A hand-off with the active config's hand-off message, its model (if any) writing the summary: one read of it. */
async function handOffWithActiveConfig(orgId: number, conversationId: number, reason: string) {
  const config = await findActiveConfig(orgId);
  const provider = config ? await providerOf(orgId, config).catch(() => null) : null;
  return handOffToHuman(orgId, conversationId, { reason, handoffMessage: config?.handoffMessage, provider });
}

export type ExternalReply = { conversationId: number; message?: { text: string } | OutboundMessageInput; handoff?: true; reason?: string };
export type ExternalReplyResult = { result: "sent" | "handed_off"; message: MessageDto | null };

/**
 * What the external workflow answers: a message sent as the bot, or a hand-off. Only while the bot has the
 * conversation: once a person took it (or it closed) the answer is refused with 409 NOT_BOT_HANDLING.
 */
export async function receiveExternalReply(ctx: Ctx, body: ExternalReply): Promise<ExternalReplyResult> {
  const conversation = await findInboxConversation(ctx.orgId, body.conversationId);
  if (!conversation) throw errors.notFound("Conversation");
  if (conversation.status !== "BOT_HANDLING") {
    throw new AppError("NOT_BOT_HANDLING", 409, `The conversation is ${conversation.status}: the bot no longer handles it, so its reply was not sent`);
  }
  if (body.handoff) {
    const row = await handOffWithActiveConfig(ctx.orgId, conversation.id, body.reason?.trim() || "external");
    if (!row) throw new AppError("NOT_BOT_HANDLING", 409, "The conversation is no longer handled by the bot");
    return { result: "handed_off", message: null };
  }
  if (!body.message) throw errors.validation("Invalid body", [{ path: "message", message: "is required unless handoff is true" }]);
  const message: OutboundMessageInput = "kind" in body.message ? body.message : { kind: "text", text: body.message.text };
  const dto = await sendMessage(systemActor(ctx.orgId, "BOT"), { ...message, conversationId: conversation.id });
  await touchSession(ctx.orgId, conversation.id, null);
  await recordUsage(ctx.orgId, { messages: 1, inputTokens: 0, outputTokens: 0 });
  return { result: "sent", message: dto };
}
