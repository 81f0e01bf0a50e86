import { streamText } from "ai";
import { recentThread } from "@/db/queries/bot-engine";
import { findPreset } from "@/db/queries/bot-settings";
import type { WritingAssistConfig } from "@/db/schema";
import { languageModel, type ProviderSettings } from "@/lib/ai/providers";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { log } from "@/lib/log";
import { assertRateLimit, LIMITS } from "@/lib/services/rate-limit";
import { loadVisibleConversation } from "@/lib/services/conversations/access";
import { writingAssistProvider } from "./provider";
import { getBotSettings, saveBotSettings } from "./settings";
import { transcriptOf } from "./tools/transcript";

/** Messages of the thread the suggestion takes into account. */
const THREAD_MESSAGES = 10;

const TONES: Record<WritingAssistConfig["tone"], string> = {
  neutral: "clear, polite and neutral",
  friendly: "warm, friendly and close, without being over-familiar",
  formal: "formal and courteous",
};

type State = { org: WritingAssistConfig; userEnabled: boolean; provider: ProviderSettings | null; reason?: string };

/** `org`: the org's writing-assist settings when the caller already holds them (just saved). */
async function stateOf(ctx: Ctx, org?: WritingAssistConfig): Promise<State> {
  org ??= (await getBotSettings(ctx.orgId)).writingAssist;
  const userEnabled = ctx.user?.writingAssist ?? false;
  const provider = await writingAssistProvider(ctx.orgId, org).catch(() => null);
  const reason = !org.enabled
    ? "Writing assist is turned off for the organization (Bot → Settings)"
    : !userEnabled
      ? "You turned writing assist off in your profile"
      : !provider
        ? "Configure an AI provider in Bot settings"
        : undefined;
  return { org, userEnabled, provider, reason };
}

const dto = (s: State) => ({
  org: { enabled: s.org.enabled, presetId: s.org.presetId === null ? null : String(s.org.presetId), tone: s.org.tone },
  user: { enabled: s.userEnabled },
  available: s.reason === undefined,
  ...(s.reason ? { reason: s.reason } : {}),
});

export async function getWritingAssistConfig(ctx: Ctx) {
  return dto(await stateOf(ctx));
}

export async function updateWritingAssistConfig(ctx: Ctx, input: { enabled?: boolean; presetId?: number | null; tone?: WritingAssistConfig["tone"] }) {
  if (input.presetId != null && !(await findPreset(ctx.orgId, input.presetId))) throw errors.notFound("Preset");
  // Only the fields sent: the save merges them into the stored ones (presetId null is kept: "no preset").
  const saved = await saveBotSettings(ctx.orgId, { writingAssist: input });
  return dto(await stateOf(ctx, saved.writingAssist));
}

/**
 * A suggestion for the agent's composer, streamed as plain text: the draft continued (or a reply written from scratch
 * when it is empty) in the organization's tone, given the last messages of a conversation the agent can see.
 */
export async function completeWritingAssist(ctx: Ctx, input: { conversationId: number; partialText: string }): Promise<Response> {
  const conversation = await loadVisibleConversation(ctx, input.conversationId);
  await assertRateLimit([[`writing-assist:user:${ctx.user?.id ?? `key:${ctx.apiKeyId}`}`, LIMITS.writingAssistUser]]);
  const state = await stateOf(ctx);
  if (state.reason || !state.provider) throw errors.notConfigured("Writing assist", state.reason ?? "Configure an AI provider in Bot settings");

  const thread = (await recentThread(ctx.orgId, conversation.id, THREAD_MESSAGES)).reverse();
  const draft = input.partialText.trim();
  const result = streamText({
    model: languageModel(state.provider),
    system:
      `You help a customer-service agent write their next WhatsApp reply. Tone: ${TONES[state.org.tone]}. ` +
      "Write in the customer's language. Answer only with the text of the reply — no quotes, no preamble, no notes. " +
      "Never promise what the conversation does not support; keep it short (at most three sentences).",
    prompt:
      `Conversation so far:\n${transcriptOf(thread) || "(no messages yet)"}\n\n` +
      (draft
        ? `The agent's draft:\n${draft}\n\nRewrite the draft into a complete, improved reply that keeps the agent's intent.`
        : "The agent has not written anything yet: suggest the reply."),
    maxOutputTokens: 300,
    maxRetries: 1,
    onError: ({ error }) => log.warn("writing assist stream failed", { orgId: ctx.orgId, error }),
  });
  return result.toTextStreamResponse({ headers: { "cache-control": "no-store" } });
}
