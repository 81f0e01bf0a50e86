import { findTemplateByName } from "@/db/queries/sandbox";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { sandboxAccountOf } from "@/lib/services/sandbox/customers";
import { deliverTemplateStatus } from "@/lib/services/sandbox/deliver";
import { assertDevTools } from "@/lib/services/sandbox/enabled";
import { graphId } from "@/lib/whatsapp/simulator/state";

type Input = { templateName: string; language?: string; event: "APPROVED" | "REJECTED" | "PAUSED" | "DISABLED"; reason?: string };

/**
 * Meta's verdict on one of the org's templates, as a signed message_template_status_update for the template's WABA.
 * A template never submitted has no Meta id yet: it gets one, and the pipeline matches it by name and language.
 */
export async function simulateTemplateStatus(ctx: Ctx, input: Input) {
  assertDevTools();
  const found = await findTemplateByName(ctx.orgId, input.templateName, input.language);
  if (!found) throw errors.notFound("Template");
  const { template } = found;
  const wabaId = found.wabaId ?? (await sandboxAccountOf(ctx)).wabaId;
  const metaTemplateId = template.metaTemplateId ?? graphId();
  await deliverTemplateStatus({
    wabaId,
    templateId: metaTemplateId,
    name: template.name,
    language: template.language,
    event: input.event,
    reason: input.reason ?? (input.event === "REJECTED" ? "INVALID_FORMAT" : null),
  });
  return { templateId: String(template.id), metaTemplateId, event: input.event, delivered: true as const };
}
