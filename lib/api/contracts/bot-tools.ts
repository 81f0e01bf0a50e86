import { z } from "zod";
import { defineContract, idParams, idRef } from "../contract";
import { botAccess } from "./bot-access";
import { headerMap, toolParameterSchema, toolRunSchema, toolSchema } from "./bot-schemas";

const { manage } = botAccess("Bot tools");
const agents = { tags: ["Agent tools"] as const, access: "member", permission: "agent_tools.use" } as const;

const queryMap = z.record(z.string().min(1).max(100), z.string().max(2000)).refine((q) => Object.keys(q).length <= 30, "at most 30 query parameters");

const toolName = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, "must start with a letter and hold letters, digits and _ (at most 64)");

/** Everything but name, description and url has a default (GET, no connection, 10 s, active, not for agents). */
export const toolCreateBody = z.strictObject({
  name: toolName,
  description: z.string().trim().min(1, "is required").max(1000),
  url: z.string().trim().min(1, "is required").max(2000).describe("absolute http(s) URL, or a path starting with / when connectionId is set; {{param}} placeholders allowed"),
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).optional(),
  connectionId: idRef.nullable().optional(),
  headers: headerMap.optional(),
  query: queryMap.optional(),
  bodyTemplate: z.string().max(20_000).nullable().optional().describe("JSON (placeholders are JSON-escaped) or text"),
  parameters: z.array(toolParameterSchema).max(30).optional(),
  responsePath: z
    .string()
    .trim()
    .max(200)
    .regex(/^\S*$/, "must be a dot path like data.items[0].name")
    .transform((v) => v || null)
    .nullable()
    .optional(),
  timeoutMs: z.number().int().min(500).max(30_000).optional(),
  isActive: z.boolean().optional(),
  availableToAgents: z.boolean().optional(),
});
export const toolUpdateBody = toolCreateBody.partial();
export type ToolInput = z.output<typeof toolUpdateBody>;

const example = {
  name: "order_status",
  description: "Looks up the status of an order by its number",
  method: "GET",
  url: "https://api.example.com/orders/{{orderId}}",
  parameters: [{ name: "orderId", type: "string", description: "Order number", required: true }],
  responsePath: "data.status",
  timeoutMs: 5000,
};

export const listTools = defineContract({
  ...manage,
  method: "GET",
  path: "/tools",
  summary: "List bot tools for this organization",
  response: z.object({ data: z.array(toolSchema) }),
});

export const createTool = defineContract({
  ...manage,
  method: "POST",
  path: "/tools",
  summary: "Create a bot tool",
  description:
    "Names are unique per organization (409). Every {{placeholder}} in url, query, headers and body must be a declared parameter (400). A URL to a private address is refused when called, unless OUTBOUND_ALLOWLIST names it.",
  body: toolCreateBody,
  example,
  response: toolSchema,
  status: 201,
});

export const updateTool = defineContract({
  ...manage,
  method: "PUT",
  path: "/tools/{id}",
  summary: "Update a bot tool",
  params: idParams,
  tenantResource: "botTool",
  body: toolUpdateBody,
  example: { timeoutMs: 8000 },
  response: toolSchema,
});

export const deleteTool = defineContract({
  ...manage,
  method: "DELETE",
  path: "/tools/{id}",
  summary: "Delete a bot tool",
  description: "Intents that called it lose it (toolId null) and configs stop offering it to their LLM.",
  params: idParams,
  tenantResource: "botTool",
  status: 204,
});

const paramsBody = z.record(z.string(), z.unknown());

export const testTool = defineContract({
  ...manage,
  method: "POST",
  path: "/tools/{id}/test",
  summary: "Test a tool with example parameters",
  description: "Makes the real call. Failures (invalid parameters, blocked URL, timeout, HTTP error) answer 200 with ok=false and the error.",
  params: idParams,
  tenantResource: "botTool",
  body: z.strictObject({ params: paramsBody.default({}) }),
  example: { params: { orderId: "A-1001" } },
  response: toolRunSchema,
});

export const listAgentTools = defineContract({
  ...agents,
  method: "GET",
  path: "/agent-tools",
  summary: "List active tools available for agents",
  response: z.object({ data: z.array(toolSchema) }),
});

export const extractAgentToolParams = defineContract({
  ...agents,
  method: "POST",
  path: "/agent-tools/extract-params",
  summary: "Extract tool parameter values from conversation context using AI",
  description: "503 NOT_CONFIGURED without an AI provider. `missing` lists the required parameters the conversation does not tell.",
  body: z.strictObject({ toolId: idRef, conversationId: idRef }),
  example: { toolId: "1", conversationId: "1" },
  response: z.object({ params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])), missing: z.array(z.string()) }),
});

export const executeAgentTool = defineContract({
  ...agents,
  method: "POST",
  path: "/agent-tools/execute",
  summary: "Execute a tool with given parameters",
  description: "Audited. With a conversationId, a private note in that conversation records the call and a short result.",
  body: z.strictObject({ toolId: idRef, params: paramsBody.default({}), conversationId: idRef.optional() }),
  example: { toolId: "1", params: { orderId: "A-1001" }, conversationId: "1" },
  response: toolRunSchema,
});
