import { z } from "zod";
import { defineContract, idParams, optionalText } from "../contract";
import { botAccess } from "./bot-access";
import { connectionSchema, headerMap } from "./bot-schemas";

const { manage } = botAccess("Connections");

const secretKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, "must be a simple name");

const fields = {
  name: z.string().trim().min(1, "is required").max(100),
  description: optionalText(500),
  baseUrl: z.string().trim().min(1, "is required").max(2000).describe("absolute http(s) URL; tools append their path to it"),
  authType: z.enum(["NONE", "BEARER", "BASIC", "API_KEY"]),
  secrets: z
    .record(secretKey, z.string().max(4000).nullable())
    .nullable()
    .describe("write-only: a key with a value sets it, null clears it, an absent key keeps it; null clears them all. BEARER {token}, BASIC {username, password}, API_KEY {apiKey, headerName?}"),
  headers: headerMap,
  isActive: z.boolean(),
};

export const connectionCreateBody = z.strictObject({
  name: fields.name,
  baseUrl: fields.baseUrl,
  description: fields.description.optional(),
  authType: fields.authType.optional(),
  secrets: fields.secrets.optional(),
  headers: fields.headers.optional(),
  isActive: fields.isActive.optional(),
});
export const connectionUpdateBody = connectionCreateBody.partial();
export type ConnectionInput = z.output<typeof connectionUpdateBody>;

export const listConnections = defineContract({
  ...manage,
  method: "GET",
  path: "/connections",
  summary: "List external connections for the organization",
  description: "Secrets are masked.",
  response: z.object({ data: z.array(connectionSchema) }),
});

export const createConnection = defineContract({
  ...manage,
  method: "POST",
  path: "/connections",
  summary: "Create an external connection (admin only)",
  body: connectionCreateBody,
  example: { name: "CRM", baseUrl: "https://crm.example.com/api", authType: "BEARER", secrets: { token: "secret-token" } },
  response: connectionSchema,
  status: 201,
});

export const revealConnectionSecrets = defineContract({
  ...manage,
  method: "GET",
  path: "/connections/{id}/secrets",
  summary: "Get unmasked secrets for a connection (admin only)",
  description: "Audited (connection.secrets_revealed).",
  params: idParams,
  tenantResource: "connection",
  response: z.object({ secrets: z.record(z.string(), z.string()) }),
});

export const deleteConnection = defineContract({
  ...manage,
  method: "DELETE",
  path: "/connections/{id}",
  summary: "Delete an external connection (admin only). Nullifies BotTool.connectionId.",
  params: idParams,
  tenantResource: "connection",
  status: 204,
});

export const updateConnection = defineContract({
  ...manage,
  method: "PUT",
  path: "/connections/{id}",
  summary: "Update an external connection (admin only)",
  params: idParams,
  tenantResource: "connection",
  body: connectionUpdateBody,
  example: { description: "Production CRM" },
  response: connectionSchema,
});

export const connectionTestSchema = z.object({
  ok: z.boolean(),
  status: z.number().int().nullable(),
  ms: z.number().int(),
  error: z.string().nullable(),
  preview: z.string().nullable().describe("the first characters of the answer, secrets removed"),
});

export const testConnection = defineContract({
  ...manage,
  method: "POST",
  path: "/connections/{id}/test",
  summary: "Test an external connection with example variables (admin only)",
  description: "GET baseUrl + path with the connection's auth; {{variables}} in the path are filled URL-encoded. Failures answer 200 with ok=false.",
  params: idParams,
  tenantResource: "connection",
  body: z.strictObject({
    path: z.string().trim().max(2000).optional(),
    variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  }),
  example: { path: "/customers/{{id}}", variables: { id: "42" } },
  response: connectionTestSchema,
});
