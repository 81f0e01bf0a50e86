"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { connectionSchema, toolParameterSchema, ToolDto, ToolRunDto } from "@/lib/api/contracts/bot-schemas";
import type { connectionUpdateBody, testConnection } from "@/lib/api/contracts/connections";
import type { toolUpdateBody } from "@/lib/api/contracts/bot-tools";
import { api, type ResponseOf } from "./api";

export type Tool = ToolDto;
export type ToolRun = ToolRunDto;
export type ToolParameter = z.infer<typeof toolParameterSchema>;
export type Connection = z.infer<typeof connectionSchema>;
export type AuthType = Connection["authType"];

export type ToolBody = z.input<typeof toolUpdateBody>;
/** Secrets are write-only: a key present sets it, null clears it, absent keeps the stored one. */
export type ConnectionBody = z.input<typeof connectionUpdateBody>;
export type ConnectionTest = ResponseOf<typeof testConnection>;

/** Which secret fields each auth type uses (lib/services/bot/tools/connection-auth.ts); `plain` ones are names, not secrets. */
export type SecretKey = "token" | "username" | "password" | "headerName" | "apiKey";
export const SECRET_FIELDS: Record<AuthType, { key: SecretKey; plain?: boolean }[]> = {
  NONE: [],
  BEARER: [{ key: "token" }],
  BASIC: [{ key: "username", plain: true }, { key: "password" }],
  API_KEY: [{ key: "headerName", plain: true }, { key: "apiKey" }],
};

export const toolKeys = {
  all: ["bot-tools"] as const,
  tools: ["bot-tools", "tools"] as const,
  connections: ["bot-tools", "connections"] as const,
};

/** `enabled` false until the list is needed (the intent editor asks only for a TOOL action). */
export function useTools(enabled = true) {
  return useQuery({ queryKey: toolKeys.tools, queryFn: ({ signal }) => api<{ data: Tool[] }>("/tools", { signal }), select: (r) => r.data, enabled });
}

export function useConnections() {
  return useQuery({ queryKey: toolKeys.connections, queryFn: ({ signal }) => api<{ data: Connection[] }>("/connections", { signal }), select: (r) => r.data });
}

function useToolsMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: toolKeys.all }) });
}

export const useSaveTool = () =>
  useToolsMutation(({ id, ...body }: ToolBody & { id?: string }) => (id ? api<Tool>(`/tools/${id}`, { method: "PUT", body }) : api<Tool>("/tools", { method: "POST", body })));
export const useDeleteTool = () => useToolsMutation((id: string) => api<void>(`/tools/${id}`, { method: "DELETE" }));
export const useTestTool = () =>
  useMutation({ mutationFn: ({ id, params }: { id: string; params: Record<string, unknown> }) => api<ToolRun>(`/tools/${id}/test`, { method: "POST", body: { params } }) });

export const useSaveConnection = () =>
  useToolsMutation(({ id, ...body }: ConnectionBody & { id?: string }) =>
    id ? api<Connection>(`/connections/${id}`, { method: "PUT", body }) : api<Connection>("/connections", { method: "POST", body }),
  );
export const useDeleteConnection = () => useToolsMutation((id: string) => api<void>(`/connections/${id}`, { method: "DELETE" }));
export const useTestConnection = () => useToolsMutation((id: string) => api<ConnectionTest>(`/connections/${id}/test`, { method: "POST", body: {} }));

/** The secrets in full: fetched only when an admin asks to reveal them, never cached. */
export const fetchConnectionSecrets = (id: string) => api<{ secrets: Record<string, string> }>(`/connections/${id}/secrets`);
