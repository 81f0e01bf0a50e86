import { findThreadMessage, type ContactRow } from "@/db/queries/sandbox";
import type { Ctx } from "@/lib/api/context";
import { uploadSandboxMedia as uploadSandboxMediaContract, type SandboxCustomerMessage } from "@/lib/api/contracts/sandbox";
import { errors } from "@/lib/api/errors";
import { takeUpload } from "@/lib/services/files/upload";
import type { InboundContent } from "@/lib/whatsapp/simulator/payloads";
import { sandboxAccountOf, simulatedCustomer } from "./customers";
import { deliverInbound } from "./deliver";
import { assertDevTools } from "./enabled";
import { appSimulator } from "./graph-simulator";
import { threadDtos } from "./thread";

const invalid = (path: string, message: string) => errors.validation("Invalid message", [{ path, message }]);

/** A message of this customer's thread that WhatsApp knows (has a wamid), seen as the customer sees it. */
async function target(ctx: Ctx, contact: ContactRow, messageId: number, path: string) {
  const row = await findThreadMessage(ctx.orgId, contact.id, messageId);
  if (!row) throw errors.notFound("Message");
  if (!row.providerMessageId) throw invalid(path, "has not reached WhatsApp yet");
  const [view] = threadDtos([row], new Map());
  return { row, view, wamid: row.providerMessageId };
}

/** Turns the customer's action into the message Meta would deliver for it. */
async function contentOf(ctx: Ctx, contact: ContactRow, m: SandboxCustomerMessage, businessNumber: string, phoneNumberId: string): Promise<InboundContent> {
  const context = (wamid: string) => ({ context: { from: businessNumber.replace(/\D/g, ""), id: wamid } });
  switch (m.type) {
    case "text": {
      const quoted = m.replyToMessageId ? await target(ctx, contact, m.replyToMessageId, "replyToMessageId") : null;
      return { type: "text", text: { body: m.text }, ...(quoted ? context(quoted.wamid) : {}) };
    }
    case "image": {
      const media = appSimulator().state.media.get(m.mediaId);
      if (!media || media.ownerPhoneNumberId !== phoneNumberId) throw invalid("mediaId", "is not an uploaded picture (upload it again)");
      return { type: "image", image: { id: media.id, mime_type: media.mimeType, sha256: media.sha256, ...(m.caption ? { caption: m.caption } : {}) } };
    }
    case "location": {
      const { latitude, longitude, name, address } = m;
      return { type: "location", location: { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) } };
    }
    case "button_reply": {
      const t = await target(ctx, contact, m.messageId, "messageId");
      const button = t.view.actions?.kind === "buttons" ? t.view.actions.buttons.find((b) => b.id === m.buttonId) : undefined;
      if (!button) throw invalid("buttonId", "is not a reply button of this message");
      return { type: "interactive", interactive: { type: "button_reply", button_reply: { id: button.id, title: button.title } }, ...context(t.wamid) };
    }
    case "list_reply": {
      const t = await target(ctx, contact, m.messageId, "messageId");
      const row = t.view.actions?.kind === "list" ? t.view.actions.sections.flatMap((s) => s.rows).find((r) => r.id === m.rowId) : undefined;
      if (!row) throw invalid("rowId", "is not a row of this message's list");
      const listReply = { id: row.id, title: row.title, ...(row.description ? { description: row.description } : {}) };
      return { type: "interactive", interactive: { type: "list_reply", list_reply: listReply }, ...context(t.wamid) };
    }
    case "quick_reply": {
      const t = await target(ctx, contact, m.messageId, "messageId");
      const button = t.view.actions?.kind === "quick_replies" ? t.view.actions.buttons[m.index] : undefined;
      if (!button) throw invalid("index", "is not a quick-reply button of this template");
      return { type: "button", button: { payload: button.payload, text: button.text }, ...context(t.wamid) };
    }
    case "reaction": {
      const t = await target(ctx, contact, m.messageId, "messageId");
      return { type: "reaction", reaction: { message_id: t.wamid, emoji: m.emoji } };
    }
  }
}

/** The customer writes: a signed webhook for the org's sandbox number, through the real pipeline. */
export async function sendCustomerMessage(ctx: Ctx, contactId: number, m: SandboxCustomerMessage) {
  const contact = await simulatedCustomer(ctx, contactId);
  const account = await sandboxAccountOf(ctx);
  const content = await contentOf(ctx, contact, m, account.displayPhoneNumber ?? "", account.phoneNumberId);
  const [wamid] = await deliverInbound(account, { from: contact.waId, profileName: contact.name ?? contact.profileName ?? undefined, messages: [content] });
  return { wamid };
}

/** The picture a customer is about to send lives at "Meta" (the simulator) until the pipeline downloads it. */
export async function uploadSandboxMedia(ctx: Ctx, form: FormData) {
  assertDevTools();
  const account = await sandboxAccountOf(ctx);
  const upload = await takeUpload(form, uploadSandboxMediaContract.multipart);
  const media = appSimulator().state.putMedia({
    bytes: upload.buffer,
    mimeType: upload.contentType,
    filename: upload.originalName ?? undefined,
    ownerPhoneNumberId: account.phoneNumberId,
  });
  return { mediaId: media.id, mimeType: media.mimeType, size: media.bytes.length };
}
