import {
  deleteTemplate as deleteTemplateRow,
  findTemplate,
  insertTemplate,
  listTemplates,
  updateTemplate as updateTemplateRow,
  type BotTemplateRow,
} from "@/db/queries/bot-library";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { audit } from "@/lib/services/audit";
import { BUILTIN_CREATED_AT, BUILTIN_TEMPLATES } from "./builtin-templates";
import { exportBot } from "./export";
import { applyImport, parseExportDocument } from "./import-apply";
import type { ExportDocument } from "./export-document";

/**
 * Bot templates: platform-wide export documents that any organization imports as a new draft config. Super admins
 * (platform.manage) manage the database ones; two built-in ones ship in code (builtin-templates.ts).
 */

const intentCountOf = (payload: unknown) => {
  const intents = (payload as { intents?: unknown })?.intents;
  return Array.isArray(intents) ? intents.length : 0;
};

export const templateDto = (t: BotTemplateRow) => ({
  id: String(t.id),
  name: t.name,
  slug: t.slug,
  description: t.description,
  category: t.category,
  isPublished: t.isPublished,
  intentCount: intentCountOf(t.payload),
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

const builtinDto = (b: (typeof BUILTIN_TEMPLATES)[number]) => ({
  id: b.id,
  name: b.name,
  slug: b.slug,
  description: b.description,
  category: b.category,
  isPublished: true,
  intentCount: b.payload.intents.length,
  createdAt: BUILTIN_CREATED_AT,
  updatedAt: BUILTIN_CREATED_AT,
});

/** Published database templates, plus the built-in ones whose slug no database template has taken. */
export async function listPublishedTemplates() {
  const all = await listTemplates();
  const taken = new Set(all.map((t) => t.slug));
  return { data: [...all.filter((t) => t.isPublished).map(templateDto), ...BUILTIN_TEMPLATES.filter((b) => !taken.has(b.slug)).map(builtinDto)] };
}

export async function importTemplate(ctx: Ctx, id: string) {
  let template: { name: string; payload: unknown } | undefined;
  if (id.startsWith("builtin-")) template = BUILTIN_TEMPLATES.find((b) => b.id === id);
  else {
    const row = await findTemplate(Number(id));
    template = row?.isPublished ? row : undefined;
  }
  if (!template) throw errors.notFound("Template");
  return applyImport(ctx, template.payload, { name: template.name, templateId: id });
}

// ---- platform administration -------------------------------------------------------------------------------------

export async function listAllTemplates() {
  return { data: (await listTemplates()).map(templateDto) };
}

type TemplateInput = { name: string; slug: string; description?: string | null; category?: string | null; isPublished?: boolean; payload: ExportDocument };

/** `source` names the config a template was published from (audit only). */
export async function createTemplate(ctx: Ctx, input: TemplateInput, source?: { orgId: number; configId: number | null }) {
  const row = await insertTemplate({
    name: input.name,
    slug: input.slug,
    description: input.description ?? null,
    category: input.category ?? null,
    isPublished: input.isPublished ?? false,
    payload: parseExportDocument(input.payload),
    createdById: ctx.user?.id ?? null,
  });
  await audit(ctx, "bot.template_created", { type: "bot_template", id: row.id }, { slug: row.slug, isPublished: row.isPublished, source });
  return templateDto(row);
}

export async function updateTemplate(ctx: Ctx, id: number, patch: Partial<TemplateInput>) {
  const row = await updateTemplateRow(id, { ...patch, ...(patch.payload ? { payload: parseExportDocument(patch.payload) } : {}) });
  if (!row) throw errors.notFound("Template");
  const fields = Object.keys(patch).filter((k) => patch[k as keyof TemplateInput] !== undefined).sort();
  await audit(ctx, "bot.template_updated", { type: "bot_template", id }, { slug: row.slug, fields });
  return templateDto(row);
}

export async function removeTemplate(ctx: Ctx, id: number) {
  const row = await deleteTemplateRow(id);
  if (!row) throw errors.notFound("Template");
  await audit(ctx, "bot.template_deleted", { type: "bot_template", id }, { slug: row.slug, name: row.name });
}

/** Publishes an organization's config (standard tier: no keys, no credentials, no files) as a template. */
export async function templateFromConfig(
  ctx: Ctx,
  input: { orgId: number; name: string; slug: string; configId?: number; description?: string | null; category?: string | null; isPublished?: boolean },
) {
  const payload = await exportBot(input.orgId, input.configId ?? null, "standard");
  return createTemplate(ctx, { ...input, isPublished: input.isPublished ?? true, payload }, { orgId: input.orgId, configId: input.configId ?? null });
}
