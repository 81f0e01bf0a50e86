import { z } from "zod";
import { exportDocumentSchema } from "@/lib/services/bot/export-document";
import { defineContract, idParam, idRef } from "../contract";
import { botTemplateSchema } from "./bot-schemas";
import { importResultSchema } from "./bot-library";

/** Bot templates: GET/import for organizations; /admin/bot-templates for super admins (platform.manage). */

const tags = ["Bot templates"] as const;
const admin = { tags: ["Admin"], access: "user", permission: "platform.manage" } as const;

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "must be 2–63 lowercase letters, digits or -");
const fields = {
  name: z.string().trim().min(1).max(120),
  slug,
  description: z.string().trim().max(1000).nullable().optional(),
  category: z.string().trim().max(60).nullable().optional(),
  isPublished: z.boolean().optional(),
};
const list = z.object({ data: z.array(botTemplateSchema) });
/**
 * Templates belong to the platform, not to an organization; the admin paths name the id `{templateId}` (same URL) so
 * the per-tenant checks, which do not apply to platform rows, do not try to run on them.
 */
const templateParams = z.object({ templateId: idParam });

export const listBotTemplates = defineContract({
  tags,
  access: "member",
  permission: "bot.read",
  method: "GET",
  path: "/bot-templates",
  summary: "List published bot templates",
  description: 'Published templates plus the built-in ones (ids "builtin-…"; a template with the same slug replaces a built-in one).',
  response: list,
});

export const importBotTemplate = defineContract({
  tags,
  access: "member",
  permission: "bot.manage",
  method: "POST",
  path: "/bot-templates/import/{id}",
  summary: "Import a bot template into the org's config",
  description: "Creates a new draft config from the template (like POST /bot-config/import). 404 for an unknown or unpublished template.",
  params: z.object({ id: z.string().regex(/^(\d{1,15}|builtin-[a-z0-9-]{1,60})$/) }),
  tenantResource: "botTemplate",
  response: importResultSchema,
  status: 201,
});

export const adminListBotTemplates = defineContract({
  ...admin,
  method: "GET",
  path: "/admin/bot-templates",
  summary: "List all bot templates (including unpublished)",
  description: "The database templates; the built-in ones live in code and are not listed here.",
  response: list,
});

export const adminCreateBotTemplate = defineContract({
  ...admin,
  method: "POST",
  path: "/admin/bot-templates",
  summary: "Create a bot template",
  description: "`payload` is an export document (GET /bot-config/export), validated strictly. 409 when the slug is taken.",
  body: z.strictObject({ ...fields, payload: exportDocumentSchema }),
  maxBodyBytes: 10 * 1024 * 1024,
  response: botTemplateSchema,
  status: 201,
});

export const adminTemplateFromConfig = defineContract({
  ...admin,
  method: "POST",
  path: "/admin/bot-templates/from-config",
  summary: "Publish current org config as a template",
  description: "The organization's config (configId, default its active one) at the standard tier: no keys, no credentials, no files. Published unless isPublished is false.",
  body: z.strictObject({ ...fields, orgId: idRef, configId: idRef.optional() }),
  example: { orgId: "1", name: "Support bot", slug: "support-bot" },
  response: botTemplateSchema,
  status: 201,
});

export const adminUpdateBotTemplate = defineContract({
  ...admin,
  method: "PUT",
  path: "/admin/bot-templates/{templateId}",
  summary: "Update a bot template",
  params: templateParams,
  body: z.strictObject({ ...fields, name: fields.name.optional(), slug: slug.optional(), payload: exportDocumentSchema.optional() }),
  maxBodyBytes: 10 * 1024 * 1024,
  response: botTemplateSchema,
});

export const adminDeleteBotTemplate = defineContract({
  ...admin,
  method: "DELETE",
  path: "/admin/bot-templates/{templateId}",
  summary: "Delete a bot template",
  params: templateParams,
  status: 204,
});
