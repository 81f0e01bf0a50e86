import { z } from "zod";
import { defineContract, idParams, idString, iso, name, pageOf, pageQuery } from "../contract";
import { roleSchema } from "./schemas";

const tags = ["API keys"] as const;

export const apiKeySchema = z.object({
  id: idString,
  name: z.string(),
  prefix: z.string().describe("the first characters of the key, to recognise it"),
  role: roleSchema,
  enabled: z.boolean(),
  lastUsedAt: iso.nullable(),
  expiresAt: iso.nullable(),
  createdAt: iso,
  createdBy: z.object({ id: idString, name: z.string() }).nullable(),
});

export type ApiKeyDto = z.infer<typeof apiKeySchema>;

export const listApiKeys = defineContract({
  method: "GET",
  path: "/api-keys",
  summary: "List API keys for the organization (admin only)",
  tags,
  access: "user",
  permission: "api_keys.manage",
  query: z.strictObject({ ...pageQuery }),
  response: pageOf(apiKeySchema),
});

export const createApiKey = defineContract({
  method: "POST",
  path: "/api-keys",
  summary: "Create a new API key (admin only). Returns the full key ONCE.",
  description: "Only people manage keys: an API key cannot mint more keys.",
  tags,
  access: "user",
  permission: "api_keys.manage",
  body: z.strictObject({
    name,
    role: roleSchema.default("ADMIN"),
    expiresAt: z.iso
      .datetime({ offset: true })
      .refine((v) => Date.parse(v) > Date.now(), "must be in the future")
      .optional(),
  }),
  example: { name: "CRM sync", role: "AGENT", expiresAt: "2030-01-01T00:00:00Z" },
  response: apiKeySchema.extend({ key: z.string().describe("the secret; it cannot be shown again") }),
  status: 201,
});

export const updateApiKey = defineContract({
  method: "PATCH",
  path: "/api-keys/{id}",
  summary: "Update an API key (admin only)",
  tags,
  access: "user",
  permission: "api_keys.manage",
  params: idParams,
  tenantResource: "apiKey",
  body: z
    .strictObject({ name: name.optional(), enabled: z.boolean().optional() })
    .refine((b) => b.name !== undefined || b.enabled !== undefined, { message: "Give at least one of name, enabled" }),
  example: { enabled: false },
  response: apiKeySchema,
});

export const deleteApiKey = defineContract({
  method: "DELETE",
  path: "/api-keys/{id}",
  summary: "Delete an API key permanently (admin only)",
  tags,
  access: "user",
  permission: "api_keys.manage",
  params: idParams,
  tenantResource: "apiKey",
  status: 204,
});
