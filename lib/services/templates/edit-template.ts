import { getDb } from "@/db/client";
import { updateTemplate } from "@/db/queries/templates";
import type { Ctx } from "@/lib/api/context";
import type { TemplateComponentInput } from "@/lib/api/contracts/templates";
import { errors } from "@/lib/api/errors";
import { metaCall } from "@/lib/services/whatsapp/accounts/meta-errors";
import { graphFor } from "@/lib/services/whatsapp/accounts-core";
import { templateDto } from "./dto";
import type { Category } from "./rules";
import { accountForTemplate, assertHeaderFile, assertValid, headerHandleOf, templateChanged, templateOr404 } from "./shared";

/** Meta accepts edits only of reviewed templates; an edit sends the template back to review. */
const EDITABLE = new Set(["APPROVED", "REJECTED", "PAUSED"]);

export async function editTemplate(ctx: Ctx, id: number, input: { components: TemplateComponentInput[]; category?: Category; headerMediaFileId?: number | null }) {
  const row = await getDb().transaction(async (tx) => {
    const current = await templateOr404(ctx, id, tx, true);
    if (!EDITABLE.has(current.status) || !current.metaTemplateId) {
      throw errors.rule("TEMPLATE_NOT_EDITABLE", `Only approved, rejected or paused templates can be edited at Meta; this template is ${current.status}`);
    }
    const category = input.category ?? current.category;
    const components = assertValid({ category, components: input.components }, "submit");
    await assertHeaderFile(ctx, input.headerMediaFileId, tx);
    const account = await accountForTemplate(ctx.orgId, current);
    const metaTemplateId = current.metaTemplateId;
    await metaCall(() => graphFor(account).editTemplate(metaTemplateId, { components, ...(input.category && input.category !== current.category ? { category } : {}) }));
    return updateTemplate(
      ctx.orgId,
      id,
      {
        components,
        category,
        headerHandle: headerHandleOf(components),
        ...(input.headerMediaFileId !== undefined ? { headerMediaFileId: input.headerMediaFileId } : {}),
        status: "PENDING",
        rejectedReason: null,
        submittedAt: new Date(),
      },
      tx,
    );
  });
  templateChanged(row);
  return templateDto(row);
}
