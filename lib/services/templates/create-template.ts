import { getDb } from "@/db/client";
import { insertTemplate, updateTemplate } from "@/db/queries/templates";
import type { Ctx } from "@/lib/api/context";
import type { TemplateComponentInput } from "@/lib/api/contracts/templates";
import { errors } from "@/lib/api/errors";
import { defaultSendingAccount } from "@/lib/services/whatsapp/accounts-core";
import { templateDto } from "./dto";
import type { Category } from "./rules";
import { assertHeaderFile, assertNameFree, assertValid, headerHandleOf, submitToMeta, templateChanged, templateOr404 } from "./shared";

type TemplateInput = { name: string; language: string; category: Category; components: TemplateComponentInput[]; headerMediaFileId?: number | null };

const rowValues = (ctx: Ctx, input: TemplateInput) => ({
  orgId: ctx.orgId,
  name: input.name,
  language: input.language,
  category: input.category,
  components: input.components,
  headerMediaFileId: input.headerMediaFileId ?? null,
  headerHandle: headerHandleOf(input.components),
  status: "DRAFT" as const,
});

/** Creates the template and submits it in one step: it exists here only if Meta accepted it for review. */
export async function createTemplate(ctx: Ctx, input: TemplateInput) {
  assertValid(input, "submit");
  const account = await defaultSendingAccount(ctx.orgId);
  const row = await getDb().transaction(async (tx) => {
    await assertNameFree(ctx, input.name, input.language, null, tx);
    await assertHeaderFile(ctx, input.headerMediaFileId, tx);
    return submitToMeta(await insertTemplate(rowValues(ctx, input), tx), account, tx);
  });
  templateChanged(row);
  return templateDto(row);
}

export async function createTemplateDraft(ctx: Ctx, input: TemplateInput) {
  assertValid(input, "draft");
  const row = await getDb().transaction(async (tx) => {
    await assertNameFree(ctx, input.name, input.language, null, tx);
    await assertHeaderFile(ctx, input.headerMediaFileId, tx);
    return insertTemplate(rowValues(ctx, input), tx);
  });
  templateChanged(row);
  return templateDto(row);
}

const notDraft = (status: string) => errors.rule("TEMPLATE_NOT_DRAFT", `Only drafts can be changed this way; this template is ${status}`);

export async function updateTemplateDraft(ctx: Ctx, id: number, input: Partial<TemplateInput>) {
  const row = await getDb().transaction(async (tx) => {
    const current = await templateOr404(ctx, id, tx, true);
    if (current.status !== "DRAFT") throw notDraft(current.status);
    const next = {
      name: input.name ?? current.name,
      language: input.language ?? current.language,
      category: input.category ?? current.category,
      components: input.components ?? (current.components as TemplateComponentInput[]),
      headerMediaFileId: input.headerMediaFileId === undefined ? current.headerMediaFileId : input.headerMediaFileId,
    };
    assertValid(next, "draft");
    if (next.name !== current.name || next.language !== current.language) await assertNameFree(ctx, next.name, next.language, id, tx);
    if (input.headerMediaFileId) await assertHeaderFile(ctx, input.headerMediaFileId, tx);
    return updateTemplate(ctx.orgId, id, { ...next, headerHandle: headerHandleOf(next.components) }, tx);
  });
  templateChanged(row);
  return templateDto(row);
}

export async function submitTemplateDraft(ctx: Ctx, id: number) {
  const account = await defaultSendingAccount(ctx.orgId);
  const row = await getDb().transaction(async (tx) => {
    const current = await templateOr404(ctx, id, tx, true);
    if (current.status !== "DRAFT") throw notDraft(current.status);
    assertValid({ category: current.category, components: current.components }, "submit");
    return submitToMeta(current, account, tx);
  });
  templateChanged(row);
  return templateDto(row);
}
