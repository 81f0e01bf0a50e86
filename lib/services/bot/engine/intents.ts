import { generateText } from "ai";
import type { BotIntentRow } from "@/db/queries/bot-engine";
import { languageModel, type ProviderSettings } from "@/lib/ai/providers";
import { hasPhrase, keywordAlternatives, matchesPattern, similarity } from "./text";

export type IntentMatch = { intent: BotIntentRow; confidence: number; via: "keyword" | "pattern" | "example" | "llm" };
export type Tokens = { inputTokens: number; outputTokens: number };

/** An example must share at least this much (Dice overlap of content words) to count as a match offline. */
export const EXAMPLE_MIN_SIMILARITY = 0.6;

/**
 * Deterministic matching. Keywords (whole words, accent- and case-insensitive) and patterns are tried intent by intent
 * in `position` order: the first that matches wins with confidence 1. Examples are scored only when nothing matched
 * exactly and `withExamples` (offline: the LLM classifies when there is a provider); the best one wins, ties by position.
 */
export function matchIntent(intents: BotIntentRow[], text: string, withExamples: boolean): IntentMatch | null {
  for (const intent of intents) {
    if (keywordAlternatives(intent.keywords).some((k) => hasPhrase(text, k))) return { intent, confidence: 1, via: "keyword" };
    if (intent.patterns.some((p) => matchesPattern(text, p))) return { intent, confidence: 1, via: "pattern" };
  }
  if (!withExamples) return null;
  let best: IntentMatch | null = null;
  for (const intent of intents) {
    for (const example of intent.examples) {
      const score = similarity(text, example);
      if (score >= EXAMPLE_MIN_SIMILARITY && (!best || score > best.confidence)) best = { intent, confidence: Math.round(score * 1000) / 1000, via: "example" };
    }
  }
  return best;
}

/** Intents the LLM can tell apart: they have examples or a description. */
export const classifiable = (intents: BotIntentRow[]) => intents.filter((i) => i.examples.length > 0 || i.description);

const CLASSIFIER_SYSTEM =
  "You classify a customer's WhatsApp message into one of the business's intents. Answer ONLY with JSON: " +
  '{"intent": "<intent name or none>", "confidence": <0..1>}. Use "none" when no intent clearly fits.';

/**
 * Asks the model which intent the message is (null when none fits). The answer is parsed leniently (the JSON object
 * anywhere in the text); an unknown name counts as none. Provider errors propagate: the caller hands off.
 */
export async function classifyIntent(
  provider: ProviderSettings,
  intents: BotIntentRow[],
  text: string,
  history: { role: "user" | "assistant"; content: string }[],
): Promise<{ match: IntentMatch | null; usage: Tokens; raw: string }> {
  const catalog = intents
    .map((i) => {
      const lines = [`- name: ${i.name}`];
      if (i.description) lines.push(`  description: ${i.description}`);
      if (i.examples.length) lines.push(`  examples: ${i.examples.slice(0, 10).map((e) => JSON.stringify(e)).join(", ")}`);
      return lines.join("\n");
    })
    .join("\n");
  const context = history
    .slice(-4)
    .map((m) => `${m.role === "user" ? "Customer" : "Bot"}: ${m.content}`)
    .join("\n");
  const result = await generateText({
    model: languageModel(provider),
    system: CLASSIFIER_SYSTEM,
    prompt: `Intents:\n${catalog}\n\n${context ? `Recent conversation:\n${context}\n\n` : ""}Message: ${JSON.stringify(text)}`,
    temperature: 0,
    maxOutputTokens: 100,
    maxRetries: 1,
  });
  const usage = { inputTokens: result.totalUsage.inputTokens ?? 0, outputTokens: result.totalUsage.outputTokens ?? 0 };
  const parsed = parseClassification(result.text);
  const intent = parsed && intents.find((i) => i.name.toLowerCase() === parsed.intent.toLowerCase());
  return { match: intent ? { intent, confidence: parsed.confidence, via: "llm" } : null, usage, raw: result.text.slice(0, 500) };
}

export function parseClassification(text: string): { intent: string; confidence: number } | null {
  const json = /\{[\s\S]*\}/.exec(text)?.[0];
  if (!json) return null;
  try {
    const value = JSON.parse(json) as { intent?: unknown; confidence?: unknown };
    if (typeof value.intent !== "string" || value.intent.toLowerCase() === "none") return null;
    const confidence = typeof value.confidence === "number" ? value.confidence : Number(value.confidence);
    return { intent: value.intent.trim(), confidence: Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : 0 };
  } catch {
    return null;
  }
}
