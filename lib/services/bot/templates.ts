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
import { BUILTIN_CREATED_AT, BUILTIN_TEMPLATES } from "./builtin-templates";
import { exportBot, importBot } from "./export";
import { parseExportDocument } from "./import-apply";
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
  const [published, all] = await Promise.all([listTemplates(true), listTemplates(false)]);
  const taken = new Set(all.map((t) => t.slug));
  return { data: [...published.map(templateDto), ...BUILTIN_TEMPLATES.filter((b) => !taken.has(b.slug)).map(builtinDto)] };
}

export async function importTemplate(ctx: Ctx, id: string) {
  let template: { name: string; payload: unknown } | undefined;
  if (id.startsWith("builtin-")) template = BUILTIN_TEMPLATES.find((b) => b.id === id);
  else {
    const row = await findTemplate(Number(id));
    template = row?.isPublished ? row : undefined;
  }
  if (!template) throw errors.notFound("Template");
  return importBot(ctx, template.payload, { name: template.name });
}

// ---- platform administration -------------------------------------------------------------------------------------

export async function listAllTemplates() {
  return { data: (await listTemplates(false)).map(templateDto) };
}

type TemplateInput = { name: string; slug: string; description?: string | null; category?: string | null; isPublished?: boolean; payload: ExportDocument };

export async function createTemplate(ctx: Ctx, input: TemplateInput) {
  const row = await insertTemplate({
    name: input.name,
    slug: input.slug,
    description: input.description ?? null,
    category: input.category ?? null,
    isPublished: input.isPublished ?? false,
    payload: parseExportDocument(input.payload),
    createdById: ctx.user?.id ?? null,
  });
  return templateDto(row);
}

export async function updateTemplate(_ctx: Ctx, id: number, patch: Partial<TemplateInput>) {
  if (!(await findTemplate(id))) throw errors.notFound("Template");
  const row = await updateTemplateRow(id, { ...patch, ...(patch.payload ? { payload: parseExportDocument(patch.payload) } : {}) });
  if (!row) throw errors.notFound("Template");
  return templateDto(row);
}

export async function removeTemplate(_ctx: Ctx, id: number) {
  if (!(await deleteTemplateRow(id))) throw errors.notFound("Template");
}

/** Publishes an organization's config (standard tier: no keys, no credentials, no files) as a template. */
export async function templateFromConfig(
  ctx: Ctx,
  input: { orgId: number; name: string; slug: string; configId?: number; description?: string | null; category?: string | null; isPublished?: boolean },
) {
  const payload = await exportBot(input.orgId, input.configId ?? null, "standard");
  return createTemplate(ctx, { ...input, isPublished: input.isPublished ?? true, payload });
}
