import { lastCustomerTexts } from "@/db/queries/inbox-conversations";
import type { Ctx } from "@/lib/api/context";
import { loadVisibleConversation } from "./access";

const MAX_CHARS = 600;
const MESSAGES = 10;

/**
 * The org's configured AI model for writing summaries, or null. No provider configuration exists yet; the bot issue
 * fills this in, and generateHandoffSummary then asks the model instead of extracting.
 */
export async function orgAiModel(orgId: number): Promise<null> {
  void orgId;
  return null;
}

/** The first sentence of a message, whitespace collapsed. */
function firstSentence(text: string) {
  const flat = text.replace(/\s+/g, " ").trim();
  const m = /^.*?[.!?¡¿…](?=\s|$)/u.exec(flat);
  return (m ? m[0] : flat).trim();
}

/**
 * What the customer said lately, oldest first: the first sentence of each of their last messages, repeats dropped;
 * when it does not fit in 600 characters the oldest sentences go first. Empty when the customer wrote no text.
 */
export async function extractiveHandoffSummary(orgId: number, conversationId: number): Promise<string> {
  const newestFirst = await lastCustomerTexts(orgId, conversationId, MESSAGES);
  const seen = new Set<string>();
  const kept: string[] = [];
  let length = -1;
  for (const text of newestFirst.reverse()) {
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

/** A summary for the agent to review before returning the conversation to the bot (nothing is stored). */
export async function generateHandoffSummary(ctx: Ctx, id: number): Promise<{ summary: string; source: "ai" | "extractive" }> {
  const row = await loadVisibleConversation(ctx, id);
  // The AI path arrives with the bot issue; until then there is never a model and the summary is extractive.
  await orgAiModel(ctx.orgId);
  return { summary: await extractiveHandoffSummary(ctx.orgId, row.id), source: "extractive" };
}
