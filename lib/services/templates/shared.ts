import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { findStoredFile } from "@/db/queries/files";
import { findTemplate, findTemplateByName, updateTemplate, type TemplateRow } from "@/db/queries/templates";
import { findAccount, type WhatsappAccountRow } from "@/db/queries/whatsapp-accounts";
import type { Ctx } from "@/lib/api/context";
import { templateComponentSchema, type TemplateComponentInput } from "@/lib/api/contracts/templates";
import { errors, zodDetails } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { metaCall } from "@/lib/services/whatsapp/accounts/meta-errors";
import { defaultSendingAccount, graphFor } from "@/lib/services/whatsapp/accounts-core";
import { metaTemplateCategory, metaTemplateStatus } from "./meta-map";
import { checkTemplate, type Category, type RuleMode } from "./rules";

export async function templateOr404(ctx: Ctx, id: number, tx: Tx = getDb(), lock = false): Promise<TemplateRow> {
  const row = await findTemplate(ctx.orgId, id, tx, { lock });
  if (!row) throw errors.notFound("Template");
  return row;
}

const storedComponents = z.array(templateComponentSchema);

/**
 * Checks a template against Meta's rules (400 with one detail per problem). Components read back from the database
 * (a draft copied from a synced template) are parsed again, since only request bodies were parsed on the way in.
 */
export function assertValid(input: { category: Category; components: unknown }, mode: RuleMode): TemplateComponentInput[] {
  const parsed = storedComponents.safeParse(input.components);
  if (!parsed.success) throw errors.validation("Invalid template components", zodDetails(parsed.error, ["components"]));
  const details = checkTemplate({ category: input.category, components: parsed.data }, mode);
  if (details.length) throw errors.validation(mode === "submit" ? "The template does not meet WhatsApp's rules" : "Invalid template", details);
  return parsed.data;
}

export async function assertNameFree(ctx: Ctx, name: string, language: string, exceptId: number | null, tx: Tx = getDb()) {
  const taken = await findTemplateByName(ctx.orgId, name, language, tx);
  if (taken && taken.id !== exceptId) {
    throw errors.conflict(`A template named "${name}" already exists in ${language}`, [{ path: "name", message: "is already used in this language" }]);
  }
}

export async function assertHeaderFile(ctx: Ctx, fileId: number | null | undefined, tx: Tx = getDb()) {
  if (!fileId) return;
  if (!(await findStoredFile(ctx.orgId, fileId, tx))) {
    throw errors.validation("Unknown header media file", [{ path: "headerMediaFileId", message: "names no uploaded file" }]);
  }
}

/** The handle of the header's media, kept on the row so a send can reuse it. */
export function headerHandleOf(components: readonly Record<string, unknown>[]): string | null {
  const header = components.find((c) => c.type === "HEADER") as { example?: { header_handle?: string[] } } | undefined;
  return header?.example?.header_handle?.[0] ?? null;
}

/** The number a template lives on at Meta: the one it was submitted through while it is connected, else the org's sending number. */
export async function accountForTemplate(orgId: number, t: TemplateRow): Promise<WhatsappAccountRow> {
  const own = t.whatsappAccountId ? await findAccount(orgId, t.whatsappAccountId) : undefined;
  return own ?? defaultSendingAccount(orgId);
}

/**
 * Submits the template for review and records Meta's answer. Runs inside the caller's transaction, so a refusal from
 * Meta leaves nothing behind.
 */
export async function submitToMeta(t: TemplateRow, account: WhatsappAccountRow, tx: Tx) {
  const out = await metaCall(() =>
    graphFor(account).createTemplate({ name: t.name, language: t.language, category: t.category, components: t.components }),
  );
  return updateTemplate(
    t.orgId,
    t.id,
    {
      metaTemplateId: String(out.id),
      status: out.status ? metaTemplateStatus(out.status) : "PENDING",
      category: out.category ? metaTemplateCategory(out.category) : t.category,
      whatsappAccountId: account.id,
      rejectedReason: null,
      submittedAt: new Date(),
    },
    tx,
  );
}

export const templateChanged = (t: TemplateRow) => emit("template.updated", { orgId: t.orgId, templateId: t.id, status: t.status });
