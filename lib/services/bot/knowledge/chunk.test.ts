import { describe, expect, it } from "vitest";
import { chunkSections } from "./chunk";

const sentence = (i: number) => `La frase número ${i} habla del producto ${i} y de su precio de 3.5 euros.`;

describe("chunkSections", () => {
  it("keeps a short document in one chunk, paragraphs intact", () => {
    const chunks = chunkSections([{ text: "Primer párrafo.\n\nSegundo párrafo.", location: null }]);
    expect(chunks).toEqual([{ position: 0, content: "Primer párrafo.\n\nSegundo párrafo.", location: null, tokenCount: 9 }]);
  });

  it("cuts ~800-character chunks with ~120 characters of overlap at word boundaries", () => {
    const text = Array.from({ length: 60 }, (_, i) => sentence(i)).join(" ");
    const chunks = chunkSections([{ text, location: "page 1" }]);
    expect(chunks.length).toBeGreaterThan(4);
    chunks.forEach((c, i) => {
      expect(c.position).toBe(i);
      expect(c.content.length).toBeLessThanOrEqual(802);
      if (i < chunks.length - 1) expect(c.content.length).toBeGreaterThan(600);
      expect(c.location).toBe("page 1");
    });
    for (let i = 1; i < chunks.length; i++) {
      // The next chunk starts with the end of the previous one.
      const head = chunks[i].content.slice(0, 40);
      expect(chunks[i - 1].content).toContain(head);
      const overlap = chunks[i - 1].content.length - chunks[i - 1].content.lastIndexOf(head);
      expect(overlap).toBeGreaterThan(40);
      expect(overlap).toBeLessThanOrEqual(120);
    }
    // Decimal numbers are not sentence ends, and no text is lost.
    expect(chunks.some((c) => c.content.includes("3.5 euros"))).toBe(true);
    for (let i = 0; i < 60; i++) expect(chunks.some((c) => c.content.includes(sentence(i)))).toBe(true);
  });

  it("honours custom sizes and splits a sentence longer than a chunk by words, a huge word by characters", () => {
    const long = Array.from({ length: 200 }, (_, i) => `palabra${i}`).join(" ") + " " + "x".repeat(500);
    const chunks = chunkSections([{ text: long, location: null }], { size: 200, overlap: 30 });
    for (const c of chunks) expect(c.content.length).toBeLessThanOrEqual(202);
    expect(chunks.map((c) => c.content).join(" ")).toContain("palabra199");
  });

  it("names the span of sections a chunk covers", () => {
    const pages = Array.from({ length: 4 }, (_, p) => ({ text: Array.from({ length: 10 }, (_, i) => sentence(p * 10 + i)).join(" "), location: `page ${p + 1}` }));
    const chunks = chunkSections(pages);
    expect(chunks[0].location).toMatch(/^pages? 1\b/);
    expect(chunks.some((c) => /^pages \d–\d$/.test(c.location ?? ""))).toBe(true);
    const headings = chunkSections([
      { text: "Horario de lunes a viernes.", location: "Horario" },
      { text: "Envíos a todo el país.", location: "Envíos" },
    ]);
    expect(headings).toHaveLength(1);
    expect(headings[0].location).toBe("Horario");
  });

  it("returns nothing for empty text", () => {
    expect(chunkSections([{ text: " \n\n ", location: null }])).toEqual([]);
  });
});
