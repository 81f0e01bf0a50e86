import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ProviderSettings } from "@/lib/ai/providers";
import { overrideModels } from "@/lib/ai/providers";
import { createOrg } from "@/lib/testing/factories";
import { fakeEmbeddingModel } from "./fake-embedding";
import { createTextDocument } from "./ingest";
import { retrieve } from "./retrieve";
import { clearKnowledgeCaches } from "./org-cache";

const OPENAI: ProviderSettings = { provider: "OPENAI", model: "gpt-4.1-mini", apiKey: "sk-test" };
const FAQ = {
  horario: "Nuestro horario de atención es de lunes a viernes de 9:00 a 18:00 horas y los sábados de 10:00 a 14:00.",
  envios: "Hacemos envíos a todo México. El envío es gratis en compras mayores a 500 pesos y tarda de 2 a 4 días hábiles.",
  menu: "El menú del día incluye sopa, plato fuerte, postre y agua fresca por 120 pesos.",
  devoluciones: "Aceptamos devoluciones dentro de los 30 días posteriores a la compra con el ticket original.",
  english: "Our store opening hours are Monday to Friday from 9 am to 6 pm.",
};

let org: { id: number };
let other: { id: number };
beforeAll(async () => {
  org = await createOrg();
  other = await createOrg();
  for (const [title, text] of Object.entries(FAQ)) await createTextDocument(org.id, { title, text }, { provider: null });
  await createTextDocument(other.id, { title: "secreto", text: "El horario secreto de la otra empresa es de 0:00 a 23:59." }, { provider: null });
});

let undo: (() => void) | undefined;
afterEach(() => {
  undo?.();
  undo = undefined;
  clearKnowledgeCaches();
});

const titles = (r: { passages: { title: string }[] }) => r.passages.map((p) => p.title);

describe("retrieve, text mode (no provider)", () => {
  it("puts the right passage first for a Spanish question, with a score the engine can threshold", async () => {
    const r = await retrieve(org.id, "¿Cuál es el horario de atención?", { provider: null });
    expect(r.mode).toBe("text");
    expect(titles(r)[0]).toBe("horario");
    expect(r.passages[0].score).toBeGreaterThanOrEqual(0.5);
    expect(r.passages[0].score).toBeLessThanOrEqual(1);
    expect(r.passages[0]).toMatchObject({ textScore: r.passages[0].score, vectorScore: null, location: null });
    expect(r.ms).toBeGreaterThanOrEqual(0);
  });

  it("matches plurals and accents either way (horarios, menu/menú, envio/envíos)", async () => {
    expect(titles(await retrieve(org.id, "horarios", { provider: null }))[0]).toBe("horario");
    expect(titles(await retrieve(org.id, "menu del dia", { provider: null }))[0]).toBe("menu");
    expect(titles(await retrieve(org.id, "MENÚ", { provider: null }))[0]).toBe("menu");
    expect(titles(await retrieve(org.id, "envio gratis", { provider: null }))[0]).toBe("envios");
    expect(titles(await retrieve(org.id, "opening hours", { provider: null }))[0]).toBe("english");
  });

  it("scores a partial match lower than a full one and returns nothing for unrelated or empty queries", async () => {
    const full = await retrieve(org.id, "devoluciones con ticket", { provider: null });
    const partial = await retrieve(org.id, "devoluciones de bicicletas eléctricas usadas", { provider: null });
    expect(titles(full)[0]).toBe("devoluciones");
    expect(titles(partial)[0]).toBe("devoluciones");
    expect(partial.passages[0].score).toBeLessThan(0.5);
    expect(full.passages[0].score).toBeGreaterThan(partial.passages[0].score);
    expect((await retrieve(org.id, "criptomonedas blockchain", { provider: null })).passages).toEqual([]);
    expect((await retrieve(org.id, "¿?  & | !", { provider: null })).passages).toEqual([]);
    expect((await retrieve(org.id, "de la el", { provider: null })).passages).toEqual([]);
  });

  it("never returns another organization's chunks and honours topK", async () => {
    const r = await retrieve(org.id, "horario secreto empresa", { provider: null, topK: 10 });
    expect(titles(r)).not.toContain("secreto");
    expect((await retrieve(other.id, "horario", { provider: null })).passages.map((p) => p.title)).toEqual(["secreto"]);
    expect((await retrieve(org.id, "pesos", { provider: null, topK: 1 })).passages).toHaveLength(1);
  });

  it("stays text-only with a provider that has no embedding model", async () => {
    const r = await retrieve(org.id, "horario", { provider: { provider: "ANTHROPIC", model: "claude-haiku-4-5", apiKey: "k" } });
    expect(r.mode).toBe("text");
  });
});

describe("retrieve, hybrid mode", () => {
  const synonyms = [["horario", "abren", "abierto", "cierran"], ["devoluciones", "reembolso", "regresar"]];

  it("fuses full-text and cosine results, finding a paraphrase with no word in common", async () => {
    undo = overrideModels({ embedding: () => fakeEmbeddingModel({ synonyms }) });
    const hybridOrg = await createOrg();
    for (const [title, text] of Object.entries(FAQ)) await createTextDocument(hybridOrg.id, { title, text }, { provider: OPENAI });

    const r = await retrieve(hybridOrg.id, "¿A qué hora abren?", { provider: OPENAI });
    expect(r.mode).toBe("hybrid");
    expect(titles(r)[0]).toBe("horario");
    expect(r.passages[0].vectorScore).toBeGreaterThan(0.2);
    expect(r.passages[0].score).toBeGreaterThanOrEqual(r.passages[0].vectorScore!);

    const both = await retrieve(hybridOrg.id, "quiero un reembolso de mi compra", { provider: OPENAI });
    expect(titles(both)[0]).toBe("devoluciones");
    expect(both.passages[0].textScore).not.toBeNull();
    expect(both.passages[0].vectorScore).not.toBeNull();
    for (const p of both.passages) {
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(1);
    }
  });

  it("falls back to text when no chunk was embedded with the provider's model, or the query embedding fails", async () => {
    undo = overrideModels({ embedding: () => fakeEmbeddingModel({ modelId: "another-model" }) });
    expect((await retrieve(org.id, "horario", { provider: OPENAI })).mode).toBe("text");

    const failingOrg = await createOrg();
    const model = fakeEmbeddingModel();
    undo = overrideModels({ embedding: () => model });
    await createTextDocument(failingOrg.id, { title: "horario", text: FAQ.horario }, { provider: OPENAI });
    model.doEmbed = async () => {
      throw new Error("provider down");
    };
    const r = await retrieve(failingOrg.id, "horario", { provider: OPENAI });
    expect(r.mode).toBe("text");
    expect(titles(r)).toEqual(["horario"]);
  });
});
