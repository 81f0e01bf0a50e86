import type { LanguageModelV4Content, LanguageModelV4GenerateResult } from "@ai-sdk/provider";
import { MockLanguageModelV4 } from "ai/test";
import { overrideModels } from "@/lib/ai/providers";

/** Test helpers of the bot engine: scripted `ai/test` models in place of every provider. */

export function generated(content: LanguageModelV4Content[], tokens = { input: 10, output: 5 }): LanguageModelV4GenerateResult {
  return {
    content,
    finishReason: { unified: content.some((c) => c.type === "tool-call") ? "tool-calls" : "stop", raw: undefined },
    usage: {
      inputTokens: { total: tokens.input, noCache: tokens.input, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: tokens.output, text: tokens.output, reasoning: undefined },
    },
    warnings: [],
  };
}

export const textReply = (text: string) => generated([{ type: "text", text }]);
let callSeq = 0;
export const toolCallReply = (toolName: string, input: Record<string, unknown>) => generated([{ type: "tool-call", toolCallId: `call-${++callSeq}`, toolName, input: JSON.stringify(input) }]);

/**
 * Every language model resolves to a mock answering `replies` in order (an Error is thrown by that call). Returns the
 * mock (its doGenerateCalls hold the prompts) and the undo function.
 */
export function scriptModel(...replies: (LanguageModelV4GenerateResult | Error)[]) {
  const queue = [...replies];
  const model = new MockLanguageModelV4({
    doGenerate: async () => {
      const next = queue.shift();
      if (!next) throw new Error("no scripted reply left");
      if (next instanceof Error) throw next;
      return next;
    },
  });
  const undo = overrideModels({ language: () => model });
  return { model, undo };
}

/** The prompt a mock call received, flattened to text (system + messages + tool results). */
export function promptText(model: MockLanguageModelV4, call = 0): string {
  return JSON.stringify(model.doGenerateCalls[call]?.prompt ?? []);
}
