import { randomInt } from "node:crypto";
import { findContactByWaId, findConversation, upsertSimulatedContact } from "@/db/queries/sandbox";
import { findAccount, type WhatsappAccountRow } from "@/db/queries/whatsapp-accounts";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { sandboxAccountOf } from "@/lib/services/sandbox/customers";
import { deliverInbound, waitForStored } from "@/lib/services/sandbox/deliver";
import { assertDevTools } from "@/lib/services/sandbox/enabled";
import { FIRST_NAMES, LAST_NAMES, SAMPLE_TEXTS } from "./samples";

const pick = <T>(list: readonly T[]) => list[randomInt(list.length)];
/** Mexican mobile numbers (+52 1 55 …): plausible, and never the "999" prefix the simulator treats as unreachable. */
const randomPhone = () => `521550${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
const text = (n: number) => ({ type: "text" as const, text: { body: SAMPLE_TEXTS[n % SAMPLE_TEXTS.length] } });

/** The simulated customer with this number (created when new); a real contact's number is refused. */
async function simulatedContact(ctx: Ctx, waId: string, name: string) {
  const existing = await findContactByWaId(ctx.orgId, waId);
  if (existing && !existing.isSimulated) throw errors.conflict("A real contact already has this number", [{ path: "phone", message: "belongs to a real contact" }]);
  return existing ?? (await upsertSimulatedContact(ctx.orgId, waId, name));
}

export async function simulateConversation(ctx: Ctx, input: { name?: string; phone?: string; text?: string }) {
  assertDevTools();
  const account = await sandboxAccountOf(ctx);
  const name = input.name ?? `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
  const contact = await simulatedContact(ctx, input.phone ?? randomPhone(), name);
  const body = input.text ? { type: "text" as const, text: { body: input.text } } : text(randomInt(SAMPLE_TEXTS.length));
  const [wamid] = await deliverInbound(account, { from: contact.waId, profileName: contact.name ?? name, messages: [body] });
  const stored = (await waitForStored(account, [wamid])).get(wamid);
  return {
    contactId: String(contact.id),
    waId: contact.waId,
    conversationId: stored ? String(stored.conversationId) : null,
    message: { wamid, messageId: stored ? String(stored.id) : null },
  };
}

/** Many customers writing at once: one delivery per customer (Meta batches a burst this way), a few in flight. */
export async function simulateBatch(ctx: Ctx, input: { count: number; messagesPerConversation: number }) {
  assertDevTools();
  const account = await sandboxAccountOf(ctx);
  const out: { contactId: string; waId: string; wamids: string[] }[] = [];
  const one = async (i: number) => {
    const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    const contact = await simulatedContact(ctx, randomPhone(), name);
    const start = Date.now() - input.messagesPerConversation * 1000;
    const messages = Array.from({ length: input.messagesPerConversation }, (_, n) => ({ ...text(i + n), at: start + n * 1000 }));
    const wamids = await deliverInbound(account, { from: contact.waId, profileName: name, messages });
    out.push({ contactId: String(contact.id), waId: contact.waId, wamids });
  };
  const CONCURRENCY = 8;
  for (let i = 0; i < input.count; i += CONCURRENCY) {
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, input.count - i) }, (_, k) => one(i + k)));
  }
  return { conversations: out, messages: out.reduce((n, c) => n + c.wamids.length, 0) };
}

/** The conversation's customer writes again, to the number the conversation is on. */
export async function simulateMessage(ctx: Ctx, input: { conversationId: number; text?: string }) {
  assertDevTools();
  const found = await findConversation(ctx.orgId, input.conversationId);
  if (!found) throw errors.notFound("Conversation");
  const { conversation, contact } = found;
  const account: WhatsappAccountRow =
    (conversation.whatsappAccountId ? await findAccount(ctx.orgId, conversation.whatsappAccountId) : undefined) ?? (await sandboxAccountOf(ctx));
  const body = input.text ? { type: "text" as const, text: { body: input.text } } : text(randomInt(SAMPLE_TEXTS.length));
  const [wamid] = await deliverInbound(account, { from: contact.waId, profileName: contact.profileName ?? contact.name ?? undefined, messages: [body] });
  const stored = (await waitForStored(account, [wamid])).get(wamid);
  return { conversationId: stored ? String(stored.conversationId) : null, message: { wamid, messageId: stored ? String(stored.id) : null } };
}
