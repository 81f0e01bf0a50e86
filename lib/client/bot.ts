"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  BotConfigDto,
  BotTurnDto,
  IntentDto,
  PresetDto,
  botConfigSettingsSchema,
  botMediaSchema,
  botModeSchema,
  usageSchema,
} from "@/lib/api/contracts/bot-schemas";
import type { BotResource } from "@/lib/events/types";
import { useRealtimeEvent } from "@/lib/realtime/use-realtime";
import type {
  listBotModels,
  listPromptVersions,
  revealBotKey,
  testBotSandbox,
  upsertBotConfig,
  validateBotKey,
} from "@/lib/api/contracts/bot-config";
import type { createIntent, updateIntent } from "@/lib/api/contracts/bot-intents";
import type { createPreset, updatePreset } from "@/lib/api/contracts/bot-presets";
import { api, ApiError, type BodyOf, type ResponseOf } from "./api";
import { knowledgeKeys } from "./bot-knowledge";
import { libraryKeys } from "./bot-library";
import { toolKeys } from "./bot-tools";

export type BotConfig = BotConfigDto;
export type BotConfigSettings = z.infer<typeof botConfigSettingsSchema>;
export type BotMode = z.infer<typeof botModeSchema>;
export type BotUsage = z.infer<typeof usageSchema>;
export type BotMedia = z.infer<typeof botMediaSchema>;
export type Intent = IntentDto;
export type Preset = PresetDto;
export type BotTurn = BotTurnDto;

export const AI_PROVIDERS = ["OPENAI", "ANTHROPIC", "GOOGLE", "DEEPSEEK", "KIMI", "LOCAL"] as const;
export type AiProvider = (typeof AI_PROVIDERS)[number];
export const INTENT_ACTIONS = ["REPLY", "ASK", "TOOL", "HANDOFF", "END"] as const;
export type IntentAction = (typeof INTENT_ACTIONS)[number];

export type ConfigBody = BodyOf<typeof upsertBotConfig>;
export type PresetBody = BodyOf<typeof createPreset>;
export type PresetPatch = BodyOf<typeof updatePreset>;
export type IntentBody = BodyOf<typeof createIntent>;
export type IntentPatch = BodyOf<typeof updateIntent>;
export type ModelList = ResponseOf<typeof listBotModels>;
export type PromptVersion = ResponseOf<typeof listPromptVersions>["data"][number];
export type KeyValidation = ResponseOf<typeof validateBotKey>;
export type ValidateKeyBody = BodyOf<typeof validateBotKey>;
export type ChatTurn = { role: "user" | "assistant"; content: string };

/** Every bot builder query lives under "bot". */
export const botKeys = {
  configs: ["bot", "configs"] as const,
  allIntents: ["bot", "intents"] as const,
  intents: (configId: string) => ["bot", "intents", configId] as const,
  allPromptVersions: ["bot", "prompt-versions"] as const,
  promptVersions: (configId: string) => ["bot", "prompt-versions", configId] as const,
  presets: ["bot", "presets"] as const,
  usage: ["bot", "usage"] as const,
  models: (provider: string, presetId: string, baseUrl: string) => ["bot", "models", provider, presetId, baseUrl] as const,
  enabled: ["bot", "enabled"] as const,
  mode: ["bot", "mode"] as const,
  media: ["bot", "media"] as const,
};

/**
 * What each kind of bot change can make stale, across the builder's caches: the config DTO counts its intents and
 * resolves its preset; deleting a tool or a media file clears it from intents; embedding info follows the provider.
 * Usage moves with answers, not edits, and model lists not at all (LOCAL ones cost a call to the org's server).
 */
const STALE_ON: Record<BotResource, readonly QueryKey[]> = {
  config: [botKeys.configs, botKeys.allIntents, botKeys.allPromptVersions, knowledgeKeys.embedding, libraryKeys.allSnapshots],
  intent: [botKeys.configs, botKeys.allIntents],
  preset: [botKeys.configs, botKeys.presets, knowledgeKeys.embedding],
  settings: [botKeys.enabled, botKeys.mode],
  media: [botKeys.media, botKeys.allIntents],
  tool: [toolKeys.tools, botKeys.allIntents],
  connection: [toolKeys.all],
  document: [knowledgeKeys.all],
  snapshot: [libraryKeys.allSnapshots],
  feedback: [libraryKeys.allQuality],
};

export const invalidateBot = (qc: QueryClient, resource: BotResource) => Promise.all(STALE_ON[resource].map((queryKey) => qc.invalidateQueries({ queryKey })));

/**
 * Other admins edit the bot too: every builder change arrives as "bot.changed" and only what it can touch refetches.
 * Mounted once for the whole builder (its header), so the tabs need no listener of their own.
 */
export function useLiveBot() {
  const qc = useQueryClient();
  useRealtimeEvent<{ resource: BotResource }>("bot.changed", (e) => void (e.resource in STALE_ON && invalidateBot(qc, e.resource)));
}

// Writes always name their config (configId): without it the API acts on the active one, and may create it.
function useBotMutation<I, O>(resource: BotResource, fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidateBot(qc, resource) });
}

// ---- configs -------------------------------------------------------------------------------------------------------

const fetchConfigs = ({ signal }: { signal: AbortSignal }) => api<{ data: BotConfig[] }>("/bot-config/list", { signal });

export function useBotConfigs() {
  return useQuery({ queryKey: botKeys.configs, queryFn: fetchConfigs, select: (r) => r.data });
}

/**
 * `configId`, else what GET /bot-config answers: the list's order is that endpoint's (active first, then drafts by
 * last change), so the first one. Null when it is not there.
 */
export const currentConfigOf = (list: BotConfig[], configId: string | null) => (configId ? list.find((c) => c.id === configId) : list[0]) ?? null;

/**
 * The config the builder edits: `configId` (404 when it is gone), else the active one, else the draft changed last
 * (null when the organization has no config yet). Read from the list the config switcher shows anyway.
 */
export function useBotConfig(configId: string | null) {
  return useQuery({
    queryKey: botKeys.configs,
    queryFn: fetchConfigs,
    select: (r) => {
      const found = currentConfigOf(r.data, configId);
      if (configId && !found) throw new ApiError(404, "NOT_FOUND", "Bot config not found");
      return found;
    },
  });
}

export const useCreateConfig = () => useBotMutation("config", (body: { name: string }) => api<BotConfig>("/bot-config", { method: "POST", body }));

export function useUpdateConfig() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ configId, body }: { configId: string; body: ConfigBody }) => api<BotConfig>("/bot-config", { method: "PUT", query: { configId }, body }),
    onSuccess: (data) => {
      // The editor shows the saved config at once (a new prompt version re-keys the prompt form) while the list refetches.
      qc.setQueryData<{ data: BotConfig[] }>(botKeys.configs, (old) => old && { data: old.data.map((c) => (c.id === data.id ? data : c)) });
      return invalidateBot(qc, "config");
    },
  });
}

export const useDuplicateConfig = () =>
  useBotMutation("config", ({ id, name }: { id: string; name?: string }) => api<BotConfig>(`/bot-config/${id}/duplicate`, { method: "POST", body: name ? { name } : {} }));
export const useActivateConfig = () => useBotMutation("config", (id: string) => api<BotConfig>(`/bot-config/${id}/activate`, { method: "PUT" }));
export const useDeleteConfig = () => useBotMutation("config", (id: string) => api<void>(`/bot-config/${id}`, { method: "DELETE" }));

/** The full key, on demand only (audited on the server). */
export const useRevealKey = () =>
  useMutation({
    mutationFn: (of: { configId: string } | { presetId: string }) => api<ResponseOf<typeof revealBotKey>>("/bot-config/reveal-key", { query: of }),
  });

// ---- provider ------------------------------------------------------------------------------------------------------

/** The provider's models; LOCAL asks the server at `baseUrl` (the list says where it came from). */
export function useModels(provider: AiProvider | null | undefined, opts: { presetId?: string | null; baseUrl?: string | null } = {}) {
  const baseUrl = provider === "LOCAL" ? opts.baseUrl?.trim() || "" : "";
  return useQuery({
    queryKey: botKeys.models(provider ?? "", opts.presetId ?? "", baseUrl),
    enabled: Boolean(provider) && (provider !== "LOCAL" || Boolean(baseUrl)),
    queryFn: ({ signal }) => api<ModelList>("/bot-config/models", { query: { provider: provider ?? undefined, presetId: opts.presetId ?? undefined, baseUrl: baseUrl || undefined }, signal }),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export const useValidateKey = () => useMutation({ mutationFn: (body: ValidateKeyBody) => api<KeyValidation>("/bot-config/validate-key", { method: "POST", body }) });

export function usePresets() {
  return useQuery({
    queryKey: botKeys.presets,
    queryFn: ({ signal }) => api<{ data: Preset[] }>("/bot-config/presets", { signal }),
    select: (r) => r.data,
  });
}
export const useCreatePreset = () => useBotMutation("preset", (body: PresetBody) => api<Preset>("/bot-config/presets", { method: "POST", body }));
export const useUpdatePreset = () => useBotMutation("preset", ({ id, body }: { id: string; body: PresetPatch }) => api<Preset>(`/bot-config/presets/${id}`, { method: "PUT", body }));
export const useDeletePreset = () => useBotMutation("preset", (id: string) => api<void>(`/bot-config/presets/${id}`, { method: "DELETE" }));

export function useBotUsage() {
  return useQuery({ queryKey: botKeys.usage, queryFn: ({ signal }) => api<BotUsage>("/bot-config/usage", { signal }), staleTime: 60_000 });
}

// ---- prompt --------------------------------------------------------------------------------------------------------

export function usePromptVersions(configId: string) {
  return useQuery({
    queryKey: botKeys.promptVersions(configId),
    queryFn: ({ signal }) => api<{ data: PromptVersion[] }>("/bot-config/prompt-versions", { query: { configId }, signal }),
    select: (r) => [...r.data].sort((a, b) => b.version - a.version),
  });
}
export const useRollbackPrompt = () =>
  useBotMutation("config", (id: string) => api<BotConfig>(`/bot-config/prompt-versions/${id}/activate`, { method: "POST" }));

// ---- intents -------------------------------------------------------------------------------------------------------

export function useIntents(configId: string) {
  return useQuery({
    queryKey: botKeys.intents(configId),
    queryFn: ({ signal }) => api<{ data: Intent[] }>("/bot-config/intents", { query: { configId }, signal }),
    select: (r) => [...r.data].sort((a, b) => a.position - b.position),
  });
}
export const useCreateIntent = () =>
  useBotMutation("intent", ({ configId, body }: { configId: string; body: IntentBody }) => api<Intent>("/bot-config/intents", { method: "POST", query: { configId }, body }));
export const useUpdateIntent = () => useBotMutation("intent", ({ id, body }: { id: string; body: IntentPatch }) => api<Intent>(`/bot-config/intents/${id}`, { method: "PUT", body }));
export const useDeleteIntent = () => useBotMutation("intent", (id: string) => api<void>(`/bot-config/intents/${id}`, { method: "DELETE" }));

/** Optimistic: the list takes the new order at once and goes back if the server refuses it. */
export function useReorderIntents(configId: string) {
  const qc = useQueryClient();
  const key = botKeys.intents(configId);
  return useMutation({
    mutationFn: (ids: string[]) => api<{ data: Intent[] }>("/bot-config/intents/reorder", { method: "PUT", query: { configId }, body: { ids } }),
    onMutate: async (ids) => {
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<{ data: Intent[] }>(key);
      if (before) {
        const byId = new Map(before.data.map((i) => [i.id, i]));
        const data = ids.flatMap((id, position) => {
          const intent = byId.get(id);
          return intent ? [{ ...intent, position }] : [];
        });
        qc.setQueryData(key, { ...before, data });
      }
      return { before };
    },
    onError: (_e, _ids, ctx) => ctx?.before && qc.setQueryData(key, ctx.before),
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}

// ---- sandbox -------------------------------------------------------------------------------------------------------

export const useSandboxTurn = () =>
  useMutation({
    mutationFn: (body: { message: string; history: ChatTurn[]; configId: string }) => api<BotTurn>("/bot-config/test-sandbox", { method: "POST", body: body satisfies BodyOf<typeof testBotSandbox> }),
  });

// ---- org settings --------------------------------------------------------------------------------------------------

export function useBotEnabled() {
  return useQuery({ queryKey: botKeys.enabled, queryFn: ({ signal }) => api<{ enabled: boolean }>("/config/bot-enabled", { signal }), select: (r) => r.enabled });
}

export function useSetBotEnabled() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => api<{ enabled: boolean }>("/config/bot-enabled", { method: "PUT", body: { enabled } }),
    onMutate: async (enabled) => {
      await qc.cancelQueries({ queryKey: botKeys.enabled });
      const before = qc.getQueryData<{ enabled: boolean }>(botKeys.enabled);
      qc.setQueryData(botKeys.enabled, { enabled });
      return { before };
    },
    onError: (_e, _v, ctx) => ctx?.before && qc.setQueryData(botKeys.enabled, ctx.before),
    onSettled: () => qc.invalidateQueries({ queryKey: botKeys.enabled }),
  });
}

export function useBotMode() {
  return useQuery({ queryKey: botKeys.mode, queryFn: ({ signal }) => api<BotMode>("/config/bot-mode", { signal }) });
}

export function useSetBotMode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<BotMode>) => api<BotMode>("/config/bot-mode", { method: "PUT", body: patch }),
    onSuccess: (data) => qc.setQueryData(botKeys.mode, data),
  });
}

// ---- pickers for intents -------------------------------------------------------------------------------------------

export function useBotMediaOptions(enabled = true) {
  return useQuery({
    queryKey: botKeys.media,
    enabled,
    queryFn: ({ signal }) => api<{ data: BotMedia[] }>("/bot-config/media", { signal }),
    select: (r) => r.data,
    staleTime: 60_000,
  });
}
