/**
 * Text matching of the bot's deterministic pipeline (guard and intents): accent- and case-insensitive, whole words,
 * and regular expressions written by admins kept on a short leash.
 */

/** Lowercase, accents removed (ñ too: customers type "senor" for "señor"), runs of spaces collapsed. */
export const normalize = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

export const words = (s: string) => normalize(s).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Whether `phrase` appears in `text` as whole words ("hola" matches "¡Hola!" but not "holanda"). */
export function hasPhrase(text: string, phrase: string): boolean {
  const p = words(phrase);
  if (!p.length) return false;
  const hay = ` ${words(text).join(" ")} `;
  return hay.includes(` ${p.join(" ")} `);
}

/** A keyword entry may list alternatives: "hola|buenas". */
export const keywordAlternatives = (keywords: string[]) => keywords.flatMap((k) => k.split("|")).map((k) => k.trim()).filter(Boolean);

const MAX_PATTERN = 300;
const MAX_INPUT = 2000;
/** Nested quantifiers ((a+)+, (a*)*, (.*){2,}) are the classic catastrophic-backtracking shapes: refused outright. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]/;
const BACKREFERENCE = /\\[1-9]/;

/**
 * The pattern compiled case-insensitively, or null when it is invalid or risky. JavaScript cannot interrupt a
 * running regular expression, so the protection is up front: a length cap, no nested quantifiers or backreferences,
 * and inputs cut to 2,000 characters.
 */
export function safeRegex(pattern: string): RegExp | null {
  if (!pattern || pattern.length > MAX_PATTERN || NESTED_QUANTIFIER.test(pattern) || BACKREFERENCE.test(pattern)) return null;
  try {
    return new RegExp(pattern, "iu");
  } catch {
    try {
      return new RegExp(pattern, "i");
    } catch {
      return null;
    }
  }
}

export function matchesPattern(text: string, pattern: string): boolean {
  const re = safeRegex(pattern);
  if (!re) return false;
  const input = text.slice(0, MAX_INPUT);
  return re.test(input) || re.test(normalize(input));
}

/** Short function words of Spanish and English that say nothing about what the customer wants. */
const STOP = new Set(
  "a al de del el la los las un una y o que en por para con mi me tu su se es lo le les yo te the an and or to of in on for is are it my me you your i do does can".split(" "),
);

const contentWords = (s: string) => new Set(words(s).filter((w) => !STOP.has(w) && (w.length > 1 || /\d/.test(w))));

/** Dice overlap of the content words of two texts, 0..1 ("¿a qué hora abren?" vs "a qué hora abren" → 1). */
export function similarity(a: string, b: string): number {
  const x = contentWords(a);
  const y = contentWords(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / (x.size + y.size);
}

/** Words cut to 5 letters: a poor man's stemmer so "envíos" meets "envío" and "abren" meets "abrimos"... almost. */
const stems = (s: string) => new Set([...contentWords(s)].map((w) => w.slice(0, 5)));

/**
 * The paragraph of a passage that shares most words with the question (the whole passage when none does): offline,
 * the customer gets the part that answers them, not a whole page of the knowledge base.
 */
export function bestParagraph(passage: string, question: string): string {
  const paragraphs = passage.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length < 2) return passage.trim();
  const q = stems(question);
  let best = { score: 0, text: passage.trim() };
  for (const p of paragraphs) {
    let score = 0;
    for (const s of stems(p)) if (q.has(s)) score++;
    if (score > best.score) best = { score, text: p };
  }
  return best.text;
}
