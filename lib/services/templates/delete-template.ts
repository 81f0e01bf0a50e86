import { removeTemplates, type TemplateRow } from "@/db/queries/templates";
import type { Ctx } from "@/lib/api/context";
import { audit } from "@/lib/services/audit";
import { metaCall } from "@/lib/services/whatsapp/accounts/meta-errors";
import { graphFor } from "@/lib/services/whatsapp/accounts-core";
import { accountForTemplate, templateChanged, templateOr404 } from "./shared";

async function markRemoved(ctx: Ctx, t: TemplateRow) {
  await removeTemplates(ctx.orgId, [t.id]);
  templateChanged({ ...t, status: "REMOVED" });
}

/** Soft delete: hidden and no longer sendable here, still existing at Meta (a sync brings it back). */
export async function deleteTemplate(ctx: Ctx, id: number) {
  await markRemoved(ctx, await templateOr404(ctx, id));
}

/** Deletes this language version at Meta (by its Meta id, so other languages of the name survive), then here. */
export async function deleteTemplateAtMeta(ctx: Ctx, id: number) {
  const t = await templateOr404(ctx, id);
  if (t.metaTemplateId) {
    const account = await accountForTemplate(ctx.orgId, t);
    await metaCall(() => graphFor(account).deleteTemplate(t.name, t.metaTemplateId ?? undefined));
    await audit(ctx, "template.deleted_at_meta", { type: "template", id }, { name: t.name, language: t.language, metaTemplateId: t.metaTemplateId });
  }
  await markRemoved(ctx, t);
}
