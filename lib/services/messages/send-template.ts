import { getDb } from "@/db/client";
import { upsertContact } from "@/db/queries/contacts";
import { findOrCreateActiveConversation } from "@/db/queries/conversations";
import { findContactByWaIds, nameContactIfUnnamed } from "@/db/queries/outbound";
import type { Ctx } from "@/lib/api/context";
import type { TemplateParameters } from "@/lib/api/contracts/message-input";
import { errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { accountOrDefault } from "@/lib/services/whatsapp/accounts-core";
import { templateDraft, templateFor } from "./prepare";
import { sendOutbound, type SentMessage } from "./send-message";

type TemplateRef = { language?: string; parameters?: TemplateParameters };

const result = (s: SentMessage) => ({
  conversationId: String(s.conversation.id),
  contactId: String(s.contact.id),
  messageId: s.dto.id,
  message: s.dto,
});

/** An APPROVED template into an existing conversation; templates need no open 24-hour window. */
export async function sendTemplateToConversation(ctx: Ctx, name: string, input: TemplateRef & { conversationId: number }) {
  return result(await sendOutbound(ctx, { conversationId: input.conversationId, kind: "template", name, language: input.language, parameters: input.parameters }));
}

/** Digits of an international number: "+52 1 55 1234-5678" → "5215512345678". */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/[\s().+-]/g, "").replace(/^00/, "");
  if (!/^\d{8,15}$/.test(digits)) throw errors.validation("Invalid phone number", [{ path: "phone", message: "must be an international number with country code (8 to 15 digits)" }]);
  return digits;
}

/**
 * The forms WhatsApp may know the same mobile number by. Mexico and Argentina carry a mobile prefix ("1" after 52,
 * "9" after 54) that WhatsApp ids keep and people often leave out, so both forms find the same contact.
 */
export function waIdVariants(digits: string): string[] {
  const mx = /^52(1?)(\d{10})$/.exec(digits);
  if (mx) return [`521${mx[2]}`, `52${mx[2]}`];
  const ar = /^54(9?)(\d{10})$/.exec(digits);
  if (ar) return [`549${ar[2]}`, `54${ar[2]}`];
  return [digits];
}

/**
 * An APPROVED template to any number: the contact and its active conversation are reused when they exist and created
 * otherwise. The template and its values are checked first, so a request that cannot be sent creates nothing.
 */
export async function sendTemplateToPhone(ctx: Ctx, name: string, input: TemplateRef & { phone: string; name?: string; whatsappAccountId?: number }) {
  const orgId = ctx.orgId;
  const waId = normalizePhone(input.phone);
  const template = await templateFor(orgId, name, input.language, ctx.org.locale);
  await templateDraft(orgId, template, input.parameters);
  const account = await accountOrDefault(orgId, input.whatsappAccountId);

  const opened = await getDb().transaction(async (tx) => {
    let contact = await findContactByWaIds(orgId, waIdVariants(waId), tx);
    let contactChanged = false;
    if (!contact) {
      const up = await upsertContact({ orgId, waId }, tx);
      contact = up.contact;
      contactChanged = up.changed;
    }
    const named = input.name && !contact.name ? await nameContactIfUnnamed(orgId, contact.id, input.name, tx) : undefined;
    if (named) [contact, contactChanged] = [named, true];
    const { conversation, created } = await findOrCreateActiveConversation(tx, { orgId, contactId: contact.id, accountId: account.id });
    return { contact, conversation, created, contactChanged };
  });
  if (opened.contactChanged) emit("contact.updated", { orgId, contactId: opened.contact.id });
  if (opened.created) emit("conversation.created", { orgId, conversationId: opened.conversation.id });

  const sent = await sendOutbound(ctx, {
    conversationId: opened.conversation.id,
    kind: "template",
    name: template.name,
    language: template.language,
    parameters: input.parameters,
    whatsappAccountId: input.whatsappAccountId ? account.id : undefined,
  });
  return result(sent);
}
