import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { upsertContact } from "@/db/queries/contacts";
import { findOrCreateActiveConversation } from "@/db/queries/conversations";
import { insertAccount } from "@/db/queries/whatsapp-accounts";
import { conversations, messages, templates, type TemplateComponent } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto/secrets";
import { randomToken } from "@/lib/crypto/tokens";
import { resetEnvCache } from "@/lib/env";
import { startGraphSimulator } from "@/lib/whatsapp/simulator/server";

/** Fixtures of the outbound path's tests (and of the generated cross-tenant checks for messages). */

let seq = 0;
const digits = () => `${Date.now() % 1_000_000}${String(seq++).padStart(4, "0")}`;

/** The Graph double on 127.0.0.1, wired as the Graph root of real and sandbox numbers. */
export async function startGraphDouble() {
  const sim = await startGraphSimulator();
  process.env.META_GRAPH_URL = sim.url;
  process.env.SANDBOX_GRAPH_URL = sim.url;
  resetEnvCache();
  return sim;
}

export async function createAccount(org: { id: number }, values: { isSandbox?: boolean; throughputMps?: number } = {}) {
  const n = digits();
  return insertAccount({
    orgId: org.id,
    wabaId: `waba-${n}`,
    phoneNumberId: `pn-${n}`,
    displayPhoneNumber: `+1 555 ${n}`,
    accessTokenEncrypted: encryptSecret(`token-${randomToken(8)}`),
    isSandbox: values.isSandbox ?? false,
    throughputMps: values.throughputMps ?? 80,
  });
}

/**
 * A contact with an active conversation on `account`. `lastCustomerAt` drives the 24-hour window (default: the
 * customer wrote a minute ago); null means the customer never wrote.
 */
export async function createConversation(
  org: { id: number },
  opts: { account?: { id: number } | null; waId?: string; lastCustomerAt?: Date | null; status?: "OPEN" | "BOT_HANDLING" | "HUMAN_HANDLING" } = {},
) {
  const account = opts.account === undefined ? await createAccount(org) : opts.account;
  const lastCustomerAt = opts.lastCustomerAt === undefined ? new Date(Date.now() - 60_000) : opts.lastCustomerAt;
  return getDb().transaction(async (tx) => {
    const { contact } = await upsertContact({ orgId: org.id, waId: opts.waId ?? `1555${digits()}` }, tx);
    const { conversation } = await findOrCreateActiveConversation(tx, { orgId: org.id, contactId: contact.id, accountId: account?.id ?? null, status: opts.status });
    const [updated] = await tx
      .update(conversations)
      .set({ lastCustomerMessageAt: lastCustomerAt, lastMessageAt: lastCustomerAt })
      .where(eq(conversations.id, conversation.id))
      .returning();
    return { account, contact, conversation: updated };
  });
}

/** A customer message WhatsApp delivered to us (it has a wamid): what replies quote, reactions name and mark-read reads. */
export async function createInbound(conv: { id: number; orgId: number; whatsappAccountId: number | null }, body = "Hola") {
  const [row] = await getDb()
    .insert(messages)
    .values({
      orgId: conv.orgId,
      conversationId: conv.id,
      whatsappAccountId: conv.whatsappAccountId,
      direction: "INBOUND",
      type: "TEXT",
      body,
      providerMessageId: `wamid.IN${randomToken(10)}`,
      status: "RECEIVED",
      senderType: "CUSTOMER",
    })
    .returning();
  return row;
}

/** A failed outbound message, as the worker leaves one. */
export async function createFailed(
  conv: { id: number; orgId: number; whatsappAccountId: number | null },
  values: Partial<typeof messages.$inferInsert> = {},
) {
  const [row] = await getDb()
    .insert(messages)
    .values({
      orgId: conv.orgId,
      conversationId: conv.id,
      whatsappAccountId: conv.whatsappAccountId,
      direction: "OUTBOUND",
      type: "TEXT",
      body: "Your order shipped",
      status: "FAILED",
      senderType: "AGENT",
      failedAt: new Date(),
      errorCode: 131000,
      errorTitle: "Something went wrong",
      ...values,
    })
    .returning();
  return row;
}

export async function createTemplate(org: { id: number }, values: Partial<typeof templates.$inferInsert> & { components?: TemplateComponent[] } = {}) {
  const [row] = await getDb()
    .insert(templates)
    .values({
      orgId: org.id,
      name: `order_update_${seq++}`,
      language: "es_MX",
      category: "UTILITY",
      status: "APPROVED",
      components: [{ type: "BODY", text: "Hola {{1}}, tu pedido {{2}} va en camino." }],
      ...values,
    })
    .returning();
  return row;
}
