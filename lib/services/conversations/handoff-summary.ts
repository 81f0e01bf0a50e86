import { generateText } from "ai";
import { recentThread } from "@/db/queries/bot-engine";
import { lastCustomerTexts } from "@/db/queries/inbox-conversations";
import { languageModel, type ProviderSettings } from "@/lib/ai/providers";
import type { Ctx } from "@/lib/api/context";
import { providerOf } from "@/lib/services/bot/provider";
import { log } from "@/lib/log";
import { loadVisibleConversation } from "./access";

const MAX_CHARS = 600;
const MESSAGES = 10;
/** Lines of the thread the model reads to write an AI summary. */
const AI_THREAD = 30;

export type HandoffSummary = { summary: string; source: "ai" | "extractive" };

/** The first sentence of a message, whitespace collapsed. */
function firstSentence(text: string) {
  const flat = text.replace(/\s+/g, " ").trim();
  const m = /^.*?[.!?¡¿…](?=\s|$)/u.exec(flat);
  return (m ? m[0] : flat).trim();
}

/**
 * What the customer said (newest first in, a summary out): the first sentence of each message, repeats dropped; when
 * it does not fit in 600 characters the oldest sentences go first. Empty when there is no text.
 */
export function summarizeCustomerTexts(newestFirst: string[]): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  let length = -1;
  for (const text of [...newestFirst].reverse()) {
    const sentence = firstSentence(text);
    const key = sentence.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    kept.push(/[.!?…]$/u.test(sentence) ? sentence : `${sentence}.`);
  }
  const out: string[] = [];
  for (const piece of kept.reverse()) {
    const fitted = piece.length > MAX_CHARS ? `${piece.slice(0, MAX_CHARS - 1)}…` : piece;
    if (length + 1 + fitted.length > MAX_CHARS) break;
    out.unshift(fitted);
    length += 1 + fitted.length;
  }
  return out.join(" ");
}

/** The customer's latest messages, summarized without any model. */
export async function extractiveHandoffSummary(orgId: number, conversationId: number): Promise<string> {
  return summarizeCustomerTexts(await lastCustomerTexts(orgId, conversationId, MESSAGES));
}

/**
 * The summary a person reads when a conversation reaches them: written by the org's model when one is configured (the
 * active bot config's provider, read here unless the caller passes it), else extracted from the customer's messages —
 * also when the model fails.
 */
export async function handoffSummaryFor(orgId: number, conversationId: number, activeProvider?: ProviderSettings | null): Promise<HandoffSummary> {
  const provider = activeProvider !== undefined ? activeProvider : await providerOf(orgId).catch(() => null);
  if (provider) {
    try {
      const thread = (await recentThread(orgId, conversationId, AI_THREAD)).reverse();
      if (thread.length) {
        const transcript = thread.map((m) => `${m.direction === "INBOUND" ? "Customer" : m.senderType === "BOT" ? "Bot" : "Business"}: ${m.text}`).join("\n");
        const { text } = await generateText({
          model: languageModel(provider),
          system:
            "You write hand-off notes for customer-service agents. In at most three short sentences, in the language the customer writes in, " +
            "say what the customer wants, what was already answered and what is still pending. No greeting, no preamble.",
          prompt: transcript,
          maxOutputTokens: 200,
          maxRetries: 1,
        });
        const summary = text.trim().slice(0, MAX_CHARS);
        if (summary) return { summary, source: "ai" };
      }
    } catch (error) {
      log.warn("AI hand-off summary failed; using the extractive one", { orgId, conversationId, error });
    }
  }
  return { summary: await extractiveHandoffSummary(orgId, conversationId), source: "extractive" };
}

/** A summary for the agent to review before returning the conversation to the bot (nothing is stored). */
export async function generateHandoffSummary(ctx: Ctx, id: number): Promise<HandoffSummary> {
  const row = await loadVisibleConversation(ctx, id);
  return handoffSummaryFor(ctx.orgId, row.id);
}
