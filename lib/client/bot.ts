"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  BotConfigDto,
  BotTurnDto,
  IntentDto,
  PresetDto,
  ToolDto,
  botConfigSettingsSchema,
  botMediaSchema,
  botModeSchema,
  usageSchema,
} from "@/lib/api/contracts/bot-schemas";
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

export type BotConfig = BotConfigDto;
export type BotConfigSettings = z.infer<typeof botConfigSettingsSchema>;
export type BotMode = z.infer<typeof botModeSchema>;
export type BotUsage = z.infer<typeof usageSchema>;
export type BotMedia = z.infer<typeof botMediaSchema>;
export type Intent = IntentDto;
export type Preset = PresetDto;
export type BotTurn = BotTurnDto;
export type ToolOption = Pick<ToolDto, "id" | "name" | "description" | "isActive">;

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
export type ModelOption = ModelList["data"][number];
export type PromptVersion = ResponseOf<typeof listPromptVersions>["data"][number];
export type KeyValidation = ResponseOf<typeof validateBotKey>;
export type ValidateKeyBody = BodyOf<typeof validateBotKey>;
export type ChatTurn = { role: "user" | "assistant"; content: string };

/** Every bot query lives under "bot", so one realtime event can refetch them all. */
export const botKeys = {
  all: ["bot"] as const,
  configs: ["bot", "configs"] as const,
  config: (configId: string | null) => ["bot", "config", configId ?? "current"] as const,
  intents: (configId: string) => ["bot", "intents", configId] as const,
  promptVersions: (configId: string) => ["bot", "prompt-versions", configId] as const,
  presets: ["bot", "presets"] as const,
  usage: ["bot", "usage"] as const,
  models: (provider: string, presetId: string, baseUrl: string) => ["bot", "models", provider, presetId, baseUrl] as const,
  enabled: ["bot", "enabled"] as const,
  mode: ["bot", "mode"] as const,
  media: ["bot", "media"] as const,
  tools: ["bot", "tool-options"] as const,
};

// Writes always name their config (configId): without it the API acts on the active one, and may create it.
// Model lists do not change with builder edits (and LOCAL ones cost a call to the org's server).
const refreshBot = (qc: QueryClient) => qc.invalidateQueries({ queryKey: botKeys.all, predicate: (q) => q.queryKey[1] !== "models" });

/** Other admins edit the bot too: every builder change arrives as "bot.changed" and the builder refetches. */
export function useLiveBot() {
  const qc = useQueryClient();
  useRealtimeEvent("bot.changed", () => void refreshBot(qc));
}

function useBotMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => refreshBot(qc) });
}

// ---- configs -------------------------------------------------------------------------------------------------------

export function useBotConfigs() {
  return useQuery({
    queryKey: botKeys.configs,
    queryFn: ({ signal }) => api<{ data: BotConfig[] }>("/bot-config/list", { signal }),
    select: (r) => r.data,
  });
}

/**
 * The config the builder edits: `configId` (404 when it is gone), else the active one, else the draft changed last
 * (null when the organization has no config yet).
 */
export function useBotConfig(configId: string | null) {
  return useQuery({
    queryKey: botKeys.config(configId),
    // A chosen config is read from the list (full DTOs): GET /bot-config only answers the current one.
    queryFn: async ({ signal }) => {
      if (!configId) return api<BotConfig | null>("/bot-config", { signal });
      const { data } = await api<{ data: BotConfig[] }>("/bot-config/list", { signal });
      const found = data.find((c) => c.id === configId);
      if (!found) throw new ApiError(404, "NOT_FOUND", "Bot config not found");
      return found;
    },
    retry: (n, e) => n < 2 && (e as { status?: number }).status !== 404,
  });
}

export const useCreateConfig = () => useBotMutation((body: { name: string }) => api<BotConfig>("/bot-config", { method: "POST", body }));

export function useUpdateConfig() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ configId, body }: { configId: string; body: ConfigBody }) => api<BotConfig>("/bot-config", { method: "PUT", query: { configId }, body }),
    onSuccess: (data) => {
      qc.setQueryData(botKeys.config(data.id), data);
      return refreshBot(qc);
    },
  });
}

export const useDuplicateConfig = () =>
  useBotMutation(({ id, name }: { id: string; name?: string }) => api<BotConfig>(`/bot-config/${id}/duplicate`, { method: "POST", body: name ? { name } : {} }));
export const useActivateConfig = () => useBotMutation((id: string) => api<BotConfig>(`/bot-config/${id}/activate`, { method: "PUT" }));
export const useDeleteConfig = () => useBotMutation((id: string) => api<void>(`/bot-config/${id}`, { method: "DELETE" }));

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
export const useCreatePreset = () => useBotMutation((body: PresetBody) => api<Preset>("/bot-config/presets", { method: "POST", body }));
export const useUpdatePreset = () => useBotMutation(({ id, body }: { id: string; body: PresetPatch }) => api<Preset>(`/bot-config/presets/${id}`, { method: "PUT", body }));
export const useDeletePreset = () => useBotMutation((id: string) => api<void>(`/bot-config/presets/${id}`, { method: "DELETE" }));

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
  useBotMutation((id: string) => api<BotConfig>(`/bot-config/prompt-versions/${id}/activate`, { method: "POST" }));

// ---- intents -------------------------------------------------------------------------------------------------------

export function useIntents(configId: string) {
  return useQuery({
    queryKey: botKeys.intents(configId),
    queryFn: ({ signal }) => api<{ data: Intent[] }>("/bot-config/intents", { query: { configId }, signal }),
    select: (r) => [...r.data].sort((a, b) => a.position - b.position),
  });
}
export const useCreateIntent = () =>
  useBotMutation(({ configId, body }: { configId: string; body: IntentBody }) => api<Intent>("/bot-config/intents", { method: "POST", query: { configId }, body }));
export const useUpdateIntent = () => useBotMutation(({ id, body }: { id: string; body: IntentPatch }) => api<Intent>(`/bot-config/intents/${id}`, { method: "PUT", body }));
export const useDeleteIntent = () => useBotMutation((id: string) => api<void>(`/bot-config/intents/${id}`, { method: "DELETE" }));

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

// ---- pickers for intents and settings ------------------------------------------------------------------------------

export function useBotMediaOptions(enabled = true) {
  return useQuery({
    queryKey: botKeys.media,
    enabled,
    queryFn: ({ signal }) => api<{ data: BotMedia[] }>("/bot-config/media", { signal }),
    select: (r) => r.data,
    staleTime: 60_000,
  });
}

export function useToolOptions(enabled = true) {
  return useQuery({
    queryKey: botKeys.tools,
    enabled,
    queryFn: ({ signal }) => api<{ data: ToolOption[] }>("/tools", { signal }),
    select: (r) => r.data,
    staleTime: 60_000,
  });
}
