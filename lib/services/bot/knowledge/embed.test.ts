import { afterEach, describe, expect, it } from "vitest";
import { overrideModels } from "@/lib/ai/providers";
import { embeddingSpec, embedTexts } from "./embed";
import { fakeEmbeddingModel } from "./fake-embedding";

let undo: (() => void) | undefined;
afterEach(() => undo?.());

describe("embeddings", () => {
  it("asks OpenAI and Gemini for shortened vectors, names the model with its size, and knows who cannot embed", () => {
    expect(embeddingSpec({ provider: "OPENAI", model: "gpt-4.1-mini", apiKey: "k" })).toMatchObject({ dimensions: 512, label: "openai.embedding/text-embedding-3-small@512" });
    expect(embeddingSpec({ provider: "GOOGLE", model: "gemini-2.5-flash", apiKey: "k" })?.dimensions).toBe(768);
    expect(embeddingSpec({ provider: "LOCAL", model: "llama3", baseUrl: "http://ollama.test/v1", embeddingModel: "nomic-embed-text" })).toMatchObject({ dimensions: undefined, label: "local.embedding/nomic-embed-text" });
    expect(embeddingSpec({ provider: "ANTHROPIC", model: "claude-haiku-4-5", apiKey: "k" })).toBeNull();
    expect(embeddingSpec(null)).toBeNull();
  });

  it("embeds in batches, at unit length, passing the requested dimensions", async () => {
    const model = fakeEmbeddingModel({ dims: 16, modelId: "text-embedding-3-small" });
    undo = overrideModels({ embedding: () => model });
    const progress: number[] = [];
    const texts = Array.from({ length: 200 }, (_, i) => `texto número ${i} sobre envíos`);
    const result = await embedTexts({ provider: "OPENAI", model: "gpt-4.1-mini", apiKey: "k" }, texts, (done) => void progress.push(done));
    expect(result?.model).toBe("fake/text-embedding-3-small@512");
    expect(result?.vectors).toHaveLength(200);
    for (const v of result!.vectors) expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    expect(progress).toEqual([96, 192, 200]);
    expect(model.doEmbedCalls[0].dimensions).toBe(512);
    expect(await embedTexts(null, texts)).toBeNull();
  });
});
