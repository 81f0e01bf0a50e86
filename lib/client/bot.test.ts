import { QueryClient, type QueryKey } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { botKeys, currentConfigOf, invalidateBot, type BotConfig } from "./bot";
import { knowledgeKeys } from "./bot-knowledge";
import { libraryKeys } from "./bot-library";
import { toolKeys } from "./bot-tools";

const config = (id: string, status: BotConfig["status"]) => ({ id, status }) as BotConfig;

describe("currentConfigOf", () => {
  const list = [config("1", "ACTIVE"), config("2", "DRAFT")];
  it("picks the chosen config, else the first (what GET /bot-config answers)", () => {
    expect(currentConfigOf(list, "2")?.id).toBe("2");
    expect(currentConfigOf(list, null)?.id).toBe("1");
    expect(currentConfigOf(list, "9")).toBeNull();
    expect(currentConfigOf([], null)).toBeNull();
  });
});

describe("invalidateBot", () => {
  const keys: Record<string, QueryKey> = {
    configs: botKeys.configs,
    intents: botKeys.intents("1"),
    promptVersions: botKeys.promptVersions("1"),
    presets: botKeys.presets,
    usage: botKeys.usage,
    models: botKeys.models("OPENAI", "", ""),
    enabled: botKeys.enabled,
    mode: botKeys.mode,
    media: botKeys.media,
    documents: knowledgeKeys.documents,
    embedding: knowledgeKeys.embedding,
    tools: toolKeys.tools,
    connections: toolKeys.connections,
    snapshots: libraryKeys.snapshots(null),
    templates: libraryKeys.templates,
    quality: libraryKeys.quality(30),
    traces: libraryKeys.traces({ days: 30 }),
  };

  async function staleAfter(resource: Parameters<typeof invalidateBot>[1]) {
    const qc = new QueryClient();
    for (const key of Object.values(keys)) qc.setQueryData(key, { data: [] });
    await invalidateBot(qc, resource);
    return Object.keys(keys)
      .filter((name) => qc.getQueryState(keys[name])?.isInvalidated)
      .sort();
  }

  it("refetches only what each kind of change can touch", async () => {
    expect(await staleAfter("config")).toEqual(["configs", "embedding", "intents", "promptVersions", "snapshots"]);
    expect(await staleAfter("intent")).toEqual(["configs", "intents"]);
    expect(await staleAfter("preset")).toEqual(["configs", "embedding", "presets"]);
    expect(await staleAfter("settings")).toEqual(["enabled", "mode"]);
    expect(await staleAfter("media")).toEqual(["intents", "media"]);
    expect(await staleAfter("tool")).toEqual(["intents", "tools"]);
    expect(await staleAfter("connection")).toEqual(["connections", "tools"]);
    expect(await staleAfter("document")).toEqual(["documents", "embedding"]);
    expect(await staleAfter("snapshot")).toEqual(["snapshots"]);
    expect(await staleAfter("feedback")).toEqual(["quality"]);
  });
});
