import { getDb } from "@/db/client";
import { appendTraceSteps, pendingBotConversations, recentThread, touchSession, hasTraceFor, unansweredInbound } from "@/db/queries/bot-engine";
import { findMedia } from "@/db/queries/bot-library";
import { findActiveConfig, type BotConfigRow } from "@/db/queries/bot-settings";
import { findInboxConversation } from "@/db/queries/inbox-conversations";
import type { TraceStep } from "@/db/schema";
import type { ProviderSettings } from "@/lib/ai/providers";
import type { BotTurnDto } from "@/lib/api/contracts/bot-schemas";
import type { Ctx } from "@/lib/api/context";
import { AppError } from "@/lib/api/errors";
import type { DomainEvents } from "@/lib/events/types";
import { enqueue } from "@/lib/jobs/boss";
import { log } from "@/lib/log";
import { systemActor } from "@/lib/services/messages/actor";
import { sendMessage } from "@/lib/services/messages/send-message";
import { providerOf } from "@/lib/services/bot/provider";
import { getBotSettings } from "@/lib/services/bot/settings";
import { recordUsage } from "@/lib/services/bot/usage";
import { forwardToExternal } from "./external";
import { endBotConversation, handOffToHuman } from "./handoff";
import type { Turn } from "./llm";
import { runTurn } from "./turn";

/**
 * The WhatsApp side of the bot. An inbound message queues "bot.reply" for its conversation (stately queue, singleton
 * key = conversation id: one turn at a time per conversation, and a burst queued while a turn waits is answered once).
 * The job re-checks everything, answers the customer's unanswered messages as one turn and applies the outcome.
 */

export const BOT_REPLY_QUEUE = "bot.reply";
export type BotReplyJob = { orgId: number; conversationId: number };

export const queueBotReply = (orgId: number, conversationId: number) =>
  enqueue(BOT_REPLY_QUEUE, { orgId, conversationId } satisfies BotReplyJob, { singletonKey: String(conversationId) });

/**
 * Listener of message.created: only inbound messages of conversations the enabled bot has. The event carries the
 * conversation's status, so conversations people have cost no query at all; the job re-checks it under the row lock.
 */
export async function onInboundMessage(e: DomainEvents["message.created"]) {
  if (e.direction !== "INBOUND" || e.conversationStatus !== "BOT_HANDLING") return;
  if (!(await getBotSettings(e.orgId)).enabled) return;
  await queueBotReply(e.orgId, e.conversationId);
}

const DEFAULT_HISTORY = 10;

/** What the bot answers now, decided under the conversation's row lock: null when there is nothing (left) to answer. */
async function claim(orgId: number, conversationId: number) {
  return getDb().transaction(async (tx) => {
    const row = await findInboxConversation(orgId, conversationId, tx, true);
    // The bot never answers over a person: any other status means an agent has (or had) it.
    if (!row || row.status !== "BOT_HANDLING") return null;
    const pending = await unansweredInbound(orgId, conversationId, tx);
    const last = pending.at(-1);
    if (!last || (await hasTraceFor(orgId, last.id, tx))) return null;
    return { pending, messageId: last.id };
  });
}

export async function runBotReplyJob({ orgId, conversationId }: BotReplyJob) {
  const settings = await getBotSettings(orgId);
  if (!settings.enabled) return;
  const work = await claim(orgId, conversationId);
  if (!work) return;
  const text = work.pending.map((m) => m.text?.trim() || `(${m.type.toLowerCase()})`).join("\n");

  if (settings.mode.engine === "EXTERNAL") {
    if (!settings.mode.externalWebhookUrl) return;
    return forwardToExternal({ orgId, conversationId, messageId: work.messageId, text, url: settings.mode.externalWebhookUrl });
  }
  const config = await findActiveConfig(orgId);
  if (!config) {
    // Nobody would ever answer: hand it to the people rather than leave the customer waiting.
    await handOffToHuman(orgId, conversationId, { reason: "no_answer", provider: null });
    return;
  }
  // Read once for the turn and for the hand-off summary it may lead to.
  const provider = await providerOf(orgId, config).catch(() => null);
  const history = await historyOf(orgId, conversationId, config, new Set(work.pending.map((m) => m.id)));
  const turn = await runTurn({ orgId, config, text, history, source: "WHATSAPP", conversationId, messageId: work.messageId, mode: settings.mode, provider });
  if (turn.outcome === "SKIPPED") return;
  await applyTurn(orgId, conversationId, config, turn, provider);
}

/** The last `historyTurns` lines of the thread before the messages being answered, oldest first. */
async function historyOf(orgId: number, conversationId: number, config: BotConfigRow, answering: Set<number>): Promise<Turn[]> {
  const turns = config.settings?.historyTurns ?? DEFAULT_HISTORY;
  const rows = await recentThread(orgId, conversationId, turns + answering.size);
  return rows
    .filter((m) => !answering.has(m.id) && m.text)
    .slice(0, turns)
    .reverse()
    .map((m) => ({ role: m.direction === "INBOUND" ? "user" : "assistant", content: m.text! }));
}

/**
 * What became of the turn's answer when it was not (all) sent, on its trace: the turn decided one outcome, the
 * customer saw another. A hand-off caused by the sending becomes the trace's outcome, with its reason as a step
 * (the metrics read hand-off reasons from steps) unless the turn had already decided to hand off.
 */
async function traceUnsent(orgId: number, turn: BotTurnDto, name: "skipped" | "window_closed" | "failed", sent: number, handoffReason?: string) {
  const steps: TraceStep[] = [{ type: "send", name, ms: 0, detail: { sent } }];
  const handoff = handoffReason !== undefined && turn.outcome !== "HANDOFF";
  if (handoff) steps.push({ type: "handoff", name: handoffReason, ms: 0 });
  await appendTraceSteps(orgId, turn.traceId, steps, handoff ? "HANDOFF" : undefined);
}

/**
 * Sends the turn's answer as the bot, then applies its hand-off or END. A closed window hands off instead.
 * `provider` (the config's model settings) writes the hand-off summary; read again when not given.
 */
export async function applyTurn(orgId: number, conversationId: number, config: BotConfigRow, turn: BotTurnDto, provider?: ProviderSettings | null) {
  // Re-read right before sending: an agent may have taken over while the model was thinking.
  if ((await findInboxConversation(orgId, conversationId))?.status !== "BOT_HANDLING") return traceUnsent(orgId, turn, "skipped", 0);
  const bot = systemActor(orgId, "BOT");
  let sent = 0;
  try {
    if (turn.reply) {
      await sendMessage(bot, { conversationId, kind: "text", text: turn.reply, requireStatus: "BOT_HANDLING" });
      sent++;
    }
    for (const m of turn.media) {
      const media = await findMedia(orgId, Number(m.mediaId));
      if (!media) continue;
      await sendMessage(bot, {
        conversationId,
        kind: "media",
        fileId: media.fileId,
        ...(media.kind === "DOCUMENT" ? { filename: media.name } : {}),
        requireStatus: "BOT_HANDLING",
      });
      sent++;
    }
  } catch (error) {
    // A person took the conversation between the turn and the send: they have it now; the bot says nothing more.
    if (error instanceof AppError && error.code === "STATUS_CHANGED") return traceUnsent(orgId, turn, "skipped", sent);
    const windowClosed = error instanceof AppError && error.code === "WINDOW_CLOSED";
    if (!windowClosed) log.error("bot reply not sent; handing off", { orgId, conversationId, error });
    const reason = windowClosed ? "window_closed" : "error";
    await traceUnsent(orgId, turn, windowClosed ? "window_closed" : "failed", sent, reason);
    await touchSession(orgId, conversationId, config.id);
    await handOffToHuman(orgId, conversationId, { reason, teamId: numberOrNull(turn.handoff?.teamId), provider });
    return;
  }
  if (sent) await recordUsage(orgId, { messages: 1, inputTokens: 0, outputTokens: 0 });
  await touchSession(orgId, conversationId, config.id);
  if (turn.handoff) {
    await handOffToHuman(orgId, conversationId, { reason: turn.handoff.reason, teamId: numberOrNull(turn.handoff.teamId), handoffMessage: config.handoffMessage, provider });
  }
  else if (turn.intent?.action === "END") await endBotConversation(orgId, conversationId);
}

const numberOrNull = (v: string | null | undefined) => (v ? Number(v) : null);

/** POST /bot-config/reprocess-pending: a bot.reply job for each bot conversation whose customer still waits. */
export async function reprocessPending(ctx: Ctx): Promise<{ queued: number }> {
  const settings = await getBotSettings(ctx.orgId);
  if (!settings.enabled) return { queued: 0 };
  let queued = 0;
  for (const id of await pendingBotConversations(ctx.orgId)) {
    if (await queueBotReply(ctx.orgId, id)) queued++;
  }
  return { queued };
}
