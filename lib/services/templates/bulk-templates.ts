import { listTemplatesByIds, listTemplatesMatching, type TemplateRow } from "@/db/queries/templates";
import type { Ctx } from "@/lib/api/context";
import type { BulkTemplatesInput } from "@/lib/api/contracts/templates";
import { AppError } from "@/lib/api/errors";
import { submitTemplateDraft } from "./create-template";
import { deleteTemplate } from "./delete-template";
import { duplicateTemplate } from "./duplicate-template";

const ACTIONS: Record<BulkTemplatesInput["action"], (ctx: Ctx, id: number) => Promise<unknown>> = {
  delete: deleteTemplate,
  submit: submitTemplateDraft,
  duplicate: duplicateTemplate,
};

async function resolveSelection(ctx: Ctx, selection: BulkTemplatesInput["selection"]): Promise<TemplateRow[]> {
  if (selection.mode === "ids") return listTemplatesByIds(ctx.orgId, [...new Set(selection.ids)]);
  return listTemplatesMatching(ctx.orgId, { ...selection.filters, excludeIds: selection.excludeIds });
}

/** Each template goes through the single operation's rules and succeeds or fails on its own. */
export async function bulkTemplates(ctx: Ctx, input: BulkTemplatesInput) {
  const rows = await resolveSelection(ctx, input.selection);
  const failed: { id: string; code: string; message: string }[] = [];
  for (const t of rows) {
    try {
      await ACTIONS[input.action](ctx, t.id);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      failed.push({ id: String(t.id), code: e.code, message: e.message });
    }
  }
  return { action: input.action, matched: rows.length, succeeded: rows.length - failed.length, failed };
}
