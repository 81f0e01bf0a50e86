import type { Section } from "./extract";

export type Chunk = { position: number; content: string; location: string | null; tokenCount: number };
export type ChunkOptions = { size?: number; overlap?: number };

const SIZE = 800;
const OVERLAP = 120;

/** A unit that is never split further unless it alone exceeds the chunk size: a paragraph, else a sentence. */
type Piece = { text: string; location: string | null; paragraphStart: boolean };

/** ~4 characters per token: good enough for budgets and the chunk viewer. */
export const estimateTokens = (text: string) => Math.ceil(text.length / 4);

/**
 * Splits a document into chunks of at most `size` characters (default 800), paragraph by paragraph; a paragraph that
 * does not fit is split by sentences, a sentence that does not fit by words. Each chunk after the first starts with
 * about `overlap` characters (default 120) of the end of the previous one, cut at a word boundary, so a fact that
 * straddles two chunks is whole in one of them. Chunks may span sections: their location then reads "pages 3–4".
 */
export function chunkSections(sections: Section[], opts: ChunkOptions = {}): Chunk[] {
  const size = Math.max(100, opts.size ?? SIZE);
  const overlap = Math.max(0, Math.min(opts.overlap ?? OVERLAP, Math.floor(size / 3)));
  const chunks: Chunk[] = [];
  let text = "";
  let first: string | null = null;
  let last: string | null = null;
  let fresh = false; // the current chunk holds more than the overlap it was seeded with

  const emit = () => {
    if (!fresh) return;
    const content = text.trim();
    chunks.push({ position: chunks.length, content, location: spanLocation(first, last), tokenCount: estimateTokens(content) });
    text = tail(content, overlap);
    fresh = false;
  };

  for (const piece of pieces(sections, size - overlap - 2)) {
    if (fresh && text.length + 2 + piece.text.length > size) emit();
    const sep = text ? (piece.paragraphStart ? "\n\n" : " ") : "";
    if (!fresh) first = piece.location;
    text += sep + piece.text;
    last = piece.location;
    fresh = true;
  }
  emit();
  return chunks;
}

function* pieces(sections: Section[], max: number): Generator<Piece> {
  for (const section of sections) {
    for (const paragraph of section.text.split(/\n\s*\n/)) {
      const clean = paragraph.replace(/[ \t]+/g, " ").replace(/ *\n */g, "\n").trim();
      if (!clean) continue;
      if (clean.length <= max) {
        yield { text: clean, location: section.location, paragraphStart: true };
        continue;
      }
      let start = true;
      for (const part of splitLong(clean, max)) {
        yield { text: part, location: section.location, paragraphStart: start };
        start = false;
      }
    }
  }
}

/** Sentences (grouped while they fit), and words for a sentence longer than `max`; a single huge word is cut. */
function splitLong(paragraph: string, max: number): string[] {
  // A sentence ends at punctuation followed by a space ("1.7" and "3.5 kg" stay whole) or at a line break.
  const sentences = paragraph.split(/(?<=[.!?…]["'»”)]*)\s+|\n+/);
  const out: string[] = [];
  for (const raw of sentences) {
    const sentence = raw.trim();
    if (!sentence) continue;
    if (sentence.length <= max) {
      out.push(sentence);
      continue;
    }
    let line = "";
    for (const word of sentence.split(/\s+/)) {
      for (let i = 0; i < word.length; i += max) {
        const part = word.slice(i, i + max);
        if (line && line.length + 1 + part.length > max) {
          out.push(line);
          line = part;
        } else line = line ? `${line} ${part}` : part;
      }
    }
    if (line) out.push(line);
  }
  return out;
}

/** At most the last `n` characters of a chunk, starting at a sentence when one starts early enough, else at a word. */
function tail(content: string, n: number): string {
  if (!n) return "";
  if (content.length <= n) return content;
  const window = content.slice(content.length - n);
  const sentence = window.search(/(?<=[.!?…]\s)\S/);
  if (sentence !== -1 && sentence < n / 2) return window.slice(sentence);
  const space = window.indexOf(" ");
  return space === -1 || space > n / 2 ? window : window.slice(space + 1);
}

function spanLocation(first: string | null, last: string | null): string | null {
  if (!first || !last || first === last) return first ?? last;
  const a = first.match(/^([a-z]+) (\d+)$/);
  const b = last.match(/^([a-z]+) (\d+)$/);
  if (a && b && a[1] === b[1]) return `${a[1]}s ${a[2]}–${b[2]}`;
  return first;
}
