import { hasPhrase } from "./text";

/**
 * An explicit wish to talk to a person always wins over everything the bot could say: checked before intents, the
 * budget and the LLM. Built-in Spanish and English phrases plus the config's own handoffKeywords.
 */
export const BUILTIN_HANDOFF_PHRASES = [
  // Spanish
  "hablar con una persona",
  "hablar con un humano",
  "hablar con alguien",
  "hablar con un agente",
  "hablar con un asesor",
  "hablar con un representante",
  "hablar con un operador",
  "persona real",
  "atencion humana",
  "un humano",
  "quiero un agente",
  "pasame con",
  "paseme con",
  "comunicame con",
  // English
  "talk to a human",
  "talk to a person",
  "talk to someone",
  "talk to an agent",
  "speak to a human",
  "speak to a person",
  "speak to someone",
  "speak to an agent",
  "speak with a person",
  "real person",
  "human agent",
  "customer service representative",
];

/** The phrase that asked for a person, or null. */
export function explicitHandoffRequest(text: string, extraKeywords: string[] = []): string | null {
  for (const phrase of [...extraKeywords, ...BUILTIN_HANDOFF_PHRASES]) if (hasPhrase(text, phrase)) return phrase;
  return null;
}
