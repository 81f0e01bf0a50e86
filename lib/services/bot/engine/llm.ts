import { generateText, hasToolCall, isStepCount, tool, type ModelMessage, type ToolSet } from "ai";
import { z } from "zod";
import type { BotConfigRow } from "@/db/queries/bot-settings";
import type { BotToolRow } from "@/db/queries/bot-tools";
import type { ToolParameter, TracePassage, TraceToolCall } from "@/db/schema";
import { languageModel, type ProviderSettings } from "@/lib/ai/providers";
import { runTool } from "@/lib/services/bot/tools/run-tool";
import type { Tokens } from "./intents";
import { traceToolCall } from "./trace";

/** The one tool the model may use to change the conversation: everything else (assign, close, reroute) is ours. */
export const HANDOFF_TOOL = "handoff_to_human";
const MAX_STEPS = 4;

export type Turn = { role: "user" | "assistant"; content: string };
export type LlmAnswer = { text: string; handoff: { reason: string } | null; toolCalls: TraceToolCall[]; usage: Tokens; steps: number; toolFailed: boolean };

const LANGUAGES: Record<string, string> = { es: "Spanish", en: "English", pt: "Portuguese", fr: "French" };

export function systemPromptOf(config: BotConfigRow, passages: TracePassage[]): string {
  const language = LANGUAGES[config.language] ?? config.language;
  const parts = [
    config.systemPrompt.trim() || "You are the customer-service assistant of this business on WhatsApp.",
    [
      "Rules:",
      `- Answer in ${language} unless the customer writes in another language; short, friendly WhatsApp messages, no markdown headings.`,
      "- Ground your answers on the knowledge passages below and on tool results; never invent prices, policies, dates or order data.",
      `- If the customer asks for a person, is upset, or you cannot help, call ${HANDOFF_TOOL} with a short reason instead of answering.`,
    ].join("\n"),
  ];
  if (passages.length) {
    parts.push(`Knowledge passages:\n${passages.map((p, i) => `[${i + 1}] ${p.title}\n${p.content}`).join("\n\n")}`);
  }
  return parts.join("\n\n");
}

function schemaOf(parameters: ToolParameter[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const p of parameters) {
    let s: z.ZodType =
      p.type === "number" ? z.number() : p.type === "boolean" ? z.boolean() : p.enum?.length ? z.enum(p.enum as [string, ...string[]]) : z.string();
    if (p.description) s = s.describe(p.description);
    shape[p.name] = p.required ? s : s.optional();
  }
  return z.object(shape);
}

/**
 * An answer from the model: system prompt + passages + the last turns, the config's tools offered as function calls
 * (each runs through runTool: validated parameters, SSRF guard, size and time limits, secrets never returned) and
 * handoff_to_human. A failed tool or a hand-off ends the loop; at most four steps. Provider errors propagate.
 */
export async function answerWithLlm(input: {
  orgId: number;
  config: BotConfigRow;
  provider: ProviderSettings;
  text: string;
  history: Turn[];
  passages: TracePassage[];
  tools: BotToolRow[];
  conversationId?: number | null;
}): Promise<LlmAnswer> {
  const toolCalls: TraceToolCall[] = [];
  const state = { handoff: null as { reason: string } | null, toolFailed: false };
  const tools: ToolSet = {
    [HANDOFF_TOOL]: tool({
      description: "Hand the conversation to a human agent. Use it when the customer asks for a person or when you cannot help.",
      inputSchema: z.object({ reason: z.string().describe("why, in a few words") }),
      execute: async ({ reason }) => {
        state.handoff = { reason: reason.slice(0, 200) || "llm" };
        return "The conversation is being handed to a human agent. Do not add anything else.";
      },
    }),
  };
  for (const t of input.tools) {
    if (t.name === HANDOFF_TOOL) continue;
    tools[t.name] = tool({
      description: t.description,
      inputSchema: schemaOf(t.parameters),
      execute: async (params: Record<string, unknown>) => {
        const run = await runTool(input.orgId, t, params, { conversationId: input.conversationId ?? undefined });
        const { call, resultText } = traceToolCall(t, params, run);
        toolCalls.push(call);
        if (!run.ok) state.toolFailed = true;
        return run.ok ? (resultText ?? "(empty result)") : `Error: ${run.error}`;
      },
    });
  }

  const messages: ModelMessage[] = [...input.history.map((m) => ({ role: m.role, content: m.content }) as ModelMessage), { role: "user", content: input.text }];
  const result = await generateText({
    model: languageModel(input.provider),
    system: systemPromptOf(input.config, input.passages),
    messages,
    tools,
    stopWhen: [isStepCount(MAX_STEPS), hasToolCall(HANDOFF_TOOL), () => state.toolFailed],
    temperature: input.config.temperature,
    maxOutputTokens: input.config.maxTokens,
    maxRetries: 1,
  });
  return {
    text: state.handoff || state.toolFailed ? "" : result.text.trim(),
    handoff: state.handoff,
    toolCalls,
    usage: { inputTokens: result.totalUsage.inputTokens ?? 0, outputTokens: result.totalUsage.outputTokens ?? 0 },
    steps: result.steps.length,
    toolFailed: state.toolFailed,
  };
}
