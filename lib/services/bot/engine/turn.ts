import { randomUUID } from "node:crypto";
import { activeIntentsOf, insertTrace, type BotIntentRow } from "@/db/queries/bot-engine";
import { findMedia } from "@/db/queries/bot-library";
import type { BotConfigRow } from "@/db/queries/bot-settings";
import { findTool } from "@/db/queries/bot-tools";
import type { BotMode, TracePassage, TraceToolCall } from "@/db/schema";
import type { ProviderSettings } from "@/lib/ai/providers";
import type { BotTurnDto } from "@/lib/api/contracts/bot-schemas";
import { summarizeCustomerTexts } from "@/lib/services/conversations/handoff-summary";
import { retrieve } from "@/lib/services/bot/knowledge/retrieve";
import { providerOf } from "@/lib/services/bot/provider";
import { getBotSettings } from "@/lib/services/bot/settings";
import { atPath, runTool, toolResultText, toolsForBot } from "@/lib/services/bot/tools/run-tool";
import { budgetLeft, recordUsage } from "@/lib/services/bot/usage";
import { explicitHandoffRequest } from "./guard";
import { classifiable, classifyIntent, matchIntent, type IntentMatch } from "./intents";
import { answerWithLlm, type Turn } from "./llm";
import { bestParagraph } from "./text";
import { errorText, traceToolCall, TurnTimer } from "./trace";

export type TurnInput = {
  orgId: number;
  config: BotConfigRow;
  text: string;
  history: Turn[];
  source: "WHATSAPP" | "SANDBOX" | "TEST";
  conversationId?: number | null;
  messageId?: number | null;
  /** The org's bot mode and the config's model settings, when the caller already has them (else read here). */
  mode?: BotMode;
  provider?: ProviderSettings | null;
};

/** Why the bot handed off (the system note and the trace say it). */
export type HandoffReason = "requested" | "budget" | "low_confidence" | "tool_failed" | "intent" | "llm" | "no_answer" | "error" | "window_closed";

type State = {
  outcome: BotTurnDto["outcome"];
  reply: string | null;
  media: BotTurnDto["media"];
  intent: BotIntentRow | null;
  confidence: number | null;
  handoff: { reason: HandoffReason; teamId: number | null } | null;
  passages: TracePassage[];
  toolCalls: TraceToolCall[];
  usage: { inputTokens: number; outputTokens: number };
  error: string | null;
};

type Ctx = { input: TurnInput; timer: TurnTimer; state: State; mode: BotMode; provider: ProviderSettings | null; defaultTeamId: number | null };

const MAX_REPLY = 4000;
const MEDIA_URL = (id: number) => `/api/v1/bot-config/media/${id}/file`;

/**
 * One bot turn for one customer message, without sending anything: guard → budget → intents → the intent's action, or
 * retrieval + the LLM (or, offline, the best knowledge passage) → fallback and hand-off. Stores a bot_traces row and
 * returns what the sandbox shows and what the WhatsApp job sends and applies. Provider failures never escape: they
 * become a hand-off (reason "error", outcome ERROR).
 *
 * Usage: tokens are counted for every source (the provider bills them); bot messages — what the plan's monthly budget
 * counts — only when the WhatsApp job actually sends an answer (lib/services/bot/engine/job.ts). Sandbox and test
 * turns never spend the budget and are never refused by it.
 */
export async function runTurn(input: TurnInput): Promise<BotTurnDto> {
  const timer = new TurnTimer();
  const state: State = { outcome: "ANSWERED", reply: null, media: [], intent: null, confidence: null, handoff: null, passages: [], toolCalls: [], usage: { inputTokens: 0, outputTokens: 0 }, error: null };
  const mode = input.mode ?? (await getBotSettings(input.orgId)).mode;
  const provider = input.provider !== undefined ? input.provider : await providerOf(input.orgId, input.config).catch(() => null);
  const ctx: Ctx = { input, timer, state, mode, provider, defaultTeamId: numberOrNull(input.config.settings?.handoffTeamId) };

  try {
    await decide(ctx);
  } catch (error) {
    Object.assign(state, { outcome: "ERROR", reply: null, media: [], handoff: { reason: "error", teamId: ctx.defaultTeamId }, error: errorText(error) });
    timer.add("handoff", "error", 0, { error: state.error });
  }

  await recordUsage(input.orgId, { messages: 0, ...state.usage, model: provider?.model });
  const latencyMs = timer.elapsed();
  const traceId = randomUUID();
  const stored = await insertTrace({
    traceId,
    orgId: input.orgId,
    configId: input.config.id,
    conversationId: input.conversationId ?? null,
    messageId: input.messageId ?? null,
    source: input.source,
    input: input.text.slice(0, MAX_REPLY),
    output: state.reply,
    outcome: state.outcome,
    intentId: state.intent?.id ?? null,
    confidence: state.confidence,
    provider: provider?.provider ?? null,
    model: provider?.model ?? null,
    steps: timer.steps,
    passages: state.passages,
    toolCalls: state.toolCalls,
    inputTokens: state.usage.inputTokens,
    outputTokens: state.usage.outputTokens,
    latencyMs,
    error: state.error,
  });
  // Another run already answered this inbound message (a redelivered job): say nothing.
  if (!stored) return { ...dtoOf(ctx, traceId, latencyMs), outcome: "SKIPPED", reply: null, media: [], handoff: null };
  return dtoOf(ctx, traceId, latencyMs);
}

function dtoOf({ input, state, timer, provider }: Ctx, traceId: string, latencyMs: number): BotTurnDto {
  const customerSaid = [input.text, ...input.history.filter((m) => m.role === "user").map((m) => m.content).reverse()];
  return {
    traceId,
    outcome: state.outcome,
    reply: state.reply,
    media: state.media,
    intent: state.intent ? { id: String(state.intent.id), name: state.intent.name, action: state.intent.action } : null,
    confidence: state.confidence,
    handoff: state.handoff ? { reason: state.handoff.reason, teamId: state.handoff.teamId === null ? null : String(state.handoff.teamId), summary: summarizeCustomerTexts(customerSaid) } : null,
    passages: state.passages,
    toolCalls: state.toolCalls,
    steps: timer.steps,
    provider: provider?.provider ?? null,
    model: provider?.model ?? null,
    usage: state.usage,
    latencyMs,
  };
}

const numberOrNull = (v: unknown) => (v === null || v === undefined || v === "" ? null : Number.isFinite(Number(v)) ? Number(v) : null);

function handOff(ctx: Ctx, reason: HandoffReason, outcome: BotTurnDto["outcome"] = "HANDOFF", teamId = ctx.defaultTeamId) {
  ctx.state.outcome = outcome;
  ctx.state.handoff = { reason, teamId };
  ctx.timer.add("handoff", reason, 0, teamId ? { teamId } : undefined);
}

function addUsage(ctx: Ctx, usage: { inputTokens: number; outputTokens: number }) {
  ctx.state.usage.inputTokens += usage.inputTokens;
  ctx.state.usage.outputTokens += usage.outputTokens;
}

/** Said right before handing off when nothing could answer. */
function fallback(ctx: Ctx, reason: HandoffReason) {
  ctx.state.reply = ctx.input.config.fallbackMessage?.trim() || null;
  handOff(ctx, reason, "FALLBACK");
}

async function decide(ctx: Ctx) {
  const { input, timer, state, mode, provider } = ctx;
  const { config, text } = input;

  const asked = await timer.step("guard", "explicit_request", () => explicitHandoffRequest(text, config.settings?.handoffKeywords ?? []), (p) => ({ matched: p }));
  if (asked) return handOff(ctx, "requested");

  if (input.source === "WHATSAPP") {
    const left = await timer.step("budget", "monthly_messages", () => budgetLeft(input.orgId), (l) => ({ remaining: l }));
    if (left !== null && left <= 0) return handOff(ctx, "budget");
  }

  const intents = await activeIntentsOf(input.orgId, config.id);
  let match: IntentMatch | null = await timer.step("intent", "match", () => matchIntent(intents, text, !provider), (m) => (m ? { intent: m.intent.name, via: m.via, confidence: m.confidence } : { matched: null }));
  if (!match && provider && classifiable(intents).length) {
    const classified = await timer.step("intent", "llm_classify", () => classifyIntent(provider, classifiable(intents), text, input.history), (r) => ({
      intent: r.match?.intent.name ?? null,
      confidence: r.match?.confidence ?? null,
    }));
    addUsage(ctx, classified.usage);
    match = classified.match;
  }
  if (match && match.confidence < config.confidenceThreshold) {
    state.confidence = match.confidence;
    if (mode.handoffOnLowConfidence) return handOff(ctx, "low_confidence");
    match = null;
  }
  if (match) return applyIntent(ctx, match);
  return answer(ctx);
}

async function applyIntent(ctx: Ctx, match: IntentMatch) {
  const { input, state, timer } = ctx;
  const intent = match.intent;
  Object.assign(state, { intent, confidence: match.confidence, outcome: "INTENT" });
  state.reply = intent.response?.trim() || null;
  if (intent.mediaId && (intent.action === "REPLY" || intent.action === "ASK" || intent.action === "END")) {
    const media = await findMedia(input.orgId, intent.mediaId);
    if (media) state.media = [{ mediaId: String(media.id), kind: media.kind, url: MEDIA_URL(media.id) }];
  }
  if (intent.action === "HANDOFF") return handOff(ctx, "intent", "HANDOFF", numberOrNull(intent.teamId) ?? ctx.defaultTeamId);
  if (intent.action !== "TOOL") return;

  const tool = intent.toolId ? await findTool(input.orgId, intent.toolId) : undefined;
  if (!tool || !tool.isActive) {
    state.reply = null;
    timer.add("tool", "missing", 0, { toolId: intent.toolId });
    return handOff(ctx, "tool_failed");
  }
  const params = Object.fromEntries(Object.entries(intent.actionConfig?.params ?? {}).map(([k, v]) => [k, v.replace(/\{\{\s*message\s*\}\}/g, input.text)]));
  const run = await timer.step("tool", tool.name, () => runTool(input.orgId, tool, params, { conversationId: input.conversationId ?? undefined }), (r) => ({ ok: r.ok, status: r.status }));
  const { call, resultText } = traceToolCall(tool, params, run);
  state.toolCalls.push(call);
  if (!run.ok) {
    state.reply = null;
    return handOff(ctx, "tool_failed");
  }
  const template = intent.actionConfig?.replyTemplate?.trim() || intent.response?.trim();
  state.reply = (template ? fillResult(template, run.result) : (resultText ?? "")).slice(0, MAX_REPLY) || null;
}

/** {{result}} is the whole result as text, {{result.a.b}} a value inside it. */
export function fillResult(template: string, result: unknown): string {
  return template.replace(/\{\{\s*result((?:\.[^\s}]+|\[\d+\])*)\s*\}\}/g, (_, path: string) => {
    const value = path ? atPath(result, path.replace(/^\./, "")) : result;
    return value === undefined || value === null ? "" : typeof value === "string" ? value : toolResultText(value);
  });
}

async function answer(ctx: Ctx) {
  const { input, state, timer, mode, provider } = ctx;
  const { config } = input;
  const settings = config.settings ?? {};
  if (settings.ragEnabled !== false) {
    const found = await timer.step("retrieval", "knowledge", () => retrieve(input.orgId, input.text, { topK: settings.ragTopK ?? 4, provider }), (r) => ({
      mode: r.mode,
      count: r.passages.length,
      best: r.passages[0]?.score ?? null,
    }));
    state.passages = found.passages.map((p) => ({ chunkId: p.chunkId, documentId: p.documentId, title: p.title, score: p.score, content: p.content }));
  }
  const best = state.passages[0];

  if (!provider) {
    if (!best) return fallback(ctx, "no_answer");
    state.confidence = best.score;
    if (best.score < config.confidenceThreshold && mode.handoffOnLowConfidence) return fallback(ctx, "low_confidence");
    state.reply = bestParagraph(best.content, input.text).slice(0, MAX_REPLY);
    state.outcome = "ANSWERED";
    return;
  }

  const tools = settings.toolIds?.length ? await toolsForBot(input.orgId, settings.toolIds.map(Number)) : [];
  const history = input.history.slice(-(settings.historyTurns ?? 10));
  const llm = await timer.step("llm", provider.model, () => answerWithLlm({ orgId: input.orgId, config, provider, text: input.text, history, passages: state.passages, tools, conversationId: input.conversationId }), (r) => ({
    steps: r.steps,
    inputTokens: r.usage.inputTokens,
    outputTokens: r.usage.outputTokens,
    ...(r.handoff ? { handoff: r.handoff.reason } : {}),
  }));
  addUsage(ctx, llm.usage);
  state.toolCalls.push(...llm.toolCalls);
  if (llm.toolFailed) return handOff(ctx, "tool_failed");
  if (llm.handoff) return handOff(ctx, "llm");
  if (!llm.text) return fallback(ctx, "no_answer");
  state.reply = llm.text.slice(0, MAX_REPLY);
  state.outcome = "ANSWERED";
}
