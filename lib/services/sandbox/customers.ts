import { findContact, findContactByWaId, latestConversations, listSimulatedContacts, upsertSimulatedContact, type ContactRow } from "@/db/queries/sandbox";
import type { WhatsappAccountRow } from "@/db/queries/whatsapp-accounts";
import type { Ctx } from "@/lib/api/context";
import type { SandboxCustomerDto } from "@/lib/api/contracts/sandbox";
import { errors } from "@/lib/api/errors";
import { ensureSandboxAccount } from "@/lib/services/whatsapp/accounts-core";
import { assertDevTools } from "./enabled";

type ConversationBits = { id: number; status: string; lastMessageAt: Date | null; lastMessagePreview: string | null };

export function customerDto(c: ContactRow, conv?: ConversationBits): SandboxCustomerDto {
  const last = conv?.lastMessageAt ?? c.lastMessageAt;
  return {
    id: String(c.id),
    name: c.name ?? c.profileName,
    waId: c.waId,
    conversationId: conv ? String(conv.id) : null,
    conversationStatus: conv?.status ?? null,
    lastMessageAt: last?.toISOString() ?? null,
    lastMessagePreview: conv?.lastMessagePreview ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}

export const numberDto = (a: WhatsappAccountRow) => ({
  id: String(a.id),
  phoneNumberId: a.phoneNumberId,
  displayPhoneNumber: a.displayPhoneNumber,
  verifiedName: a.verifiedName,
});

/** The organization's sandbox number, created on first use. */
export const sandboxAccountOf = (ctx: Ctx) => ensureSandboxAccount(ctx.orgId, ctx.org.name);

/** A simulated customer of the org: anything else (another org's, or a real customer) is not found. */
export async function simulatedCustomer(ctx: Ctx, contactId: number) {
  assertDevTools();
  const contact = await findContact(ctx.orgId, contactId);
  if (!contact?.isSimulated) throw errors.notFound("Sandbox customer");
  return contact;
}

export async function listSandboxCustomers(ctx: Ctx) {
  assertDevTools();
  const [account, contacts] = await Promise.all([sandboxAccountOf(ctx), listSimulatedContacts(ctx.orgId)]);
  const convs = new Map((await latestConversations(ctx.orgId, contacts.map((c) => c.id))).map((c) => [c.contactId, c]));
  const data = contacts.map((c) => customerDto(c, convs.get(c.id)));
  data.sort((a, b) => (b.lastMessageAt ?? b.createdAt).localeCompare(a.lastMessageAt ?? a.createdAt));
  return { number: numberDto(account), data };
}

/** Creates the customer, or returns the simulated customer that already has this number (a real one is a conflict). */
export async function createSandboxCustomer(ctx: Ctx, input: { name: string; phone: string }) {
  assertDevTools();
  const existing = await findContactByWaId(ctx.orgId, input.phone);
  if (existing && !existing.isSimulated) {
    throw errors.conflict("A real contact already has this number", [{ path: "phone", message: "belongs to a real contact" }]);
  }
  await sandboxAccountOf(ctx);
  const contact = existing ?? (await upsertSimulatedContact(ctx.orgId, input.phone, input.name));
  if (!contact.isSimulated) throw errors.conflict("A real contact already has this number", [{ path: "phone", message: "belongs to a real contact" }]);
  return customerDto(contact);
}
