import { getDb, type Tx } from "@/db/client";
import { findOrCreateActiveConversations, type FoundConversation } from "@/db/queries/conversations";
import { insertInboundBatch, recordInboundMany, upsertInboundContacts } from "@/db/queries/inbound-batch";
import { existingProviderIds, type MessageInsert } from "@/db/queries/messages";
import type { WhatsappAccountRow } from "@/db/queries/whatsapp-accounts";
import { emit } from "@/lib/events/emit";
import { botTakesNewConversations } from "@/lib/services/bot/settings";
import { getBoss } from "@/lib/jobs/boss";
import type { WaInboundMessage, WaMessagesValue } from "@/lib/whatsapp/webhook-types";
import { mapInboundMessage, providerTime } from "./map-message";

type Incoming = { waId: string; insert: MessageInsert; preview: string; at: Date; referral?: Record<string, unknown> };

const NOTHING_NEW = new Error("nothing new");

function toIncoming(account: WhatsappAccountRow, m: WaInboundMessage): Incoming {
  const out = mapInboundMessage(m);
  const at = providerTime(m.timestamp);
  return {
    waId: m.from,
    at,
    preview: out.preview,
    referral: m.referral,
    insert: {
      orgId: account.orgId,
      conversationId: 0, // set once the conversation is known
      whatsappAccountId: account.id,
      direction: "INBOUND",
      type: out.type,
      body: out.body,
      media: out.media,
      content: out.content,
      providerMessageId: m.id,
      // A reaction points at its target like a quote does, so the thread can put it on that bubble.
      replyToProviderId: m.context?.id ?? m.reaction?.message_id ?? null,
      status: "RECEIVED",
      senderType: "CUSTOMER",
      providerTimestamp: at,
    },
  };
}

/** Map.groupBy is not in Node 20. */
function groupBy<T, K>(list: T[], key: (item: T) => K) {
  const out = new Map<K, T[]>();
  for (const item of list) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

const latest = <T extends { at: Date }>(list: T[]) => list.reduce((a, b) => (b.at > a.at ? b : a));

/**
 * Stores the customer messages of one webhook change (or of a drained batch, merged per number) in one transaction: contacts upserted, the active conversation
 * of each customer found or opened (serialized per contact, so bursts and albums processed at once share one),
 * messages inserted (a known wamid is skipped), conversations updated. Events and media downloads start after commit.
 */
export async function receiveMessages(account: WhatsappAccountRow, value: WaMessagesValue) {
  // A drained batch may hold the same delivery twice (Meta's retries): each wamid counts once.
  const list = [...new Map((value.messages ?? []).map((m) => [m.id, m])).values()];
  // Replays are common (Meta retries, our own retries): skip them before touching any conversation, so a replay of
  // an old message never reopens anything.
  const known = await existingProviderIds(
    account.id,
    list.map((m) => m.id),
  );
  const incoming = list.filter((m) => !known.has(m.id)).map((m) => toIncoming(account, m));
  if (!incoming.length) return;
  const names = new Map((value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name ?? null]));

  // New conversations start with the bot when the org's bot takes first contact.
  const newStatus = (await botTakesNewConversations(account.orgId)) ? "BOT_HANDLING" : "OPEN";
  const result = await getDb()
    .transaction((tx) => persist(tx, account, incoming, names, newStatus))
    .catch((e) => {
      if (e === NOTHING_NEW) return null;
      throw e;
    });
  if (!result) return;

  const orgId = account.orgId;
  for (const id of result.changedContacts) emit("contact.updated", { orgId, contactId: id });
  for (const { conversation, created } of result.conversations) {
    if (created) emit("conversation.created", { orgId, conversationId: conversation.id });
    else emit("conversation.updated", { orgId, conversationId: conversation.id, version: conversation.version });
  }
  const statusOf = new Map(result.conversations.map(({ conversation }) => [conversation.id, conversation.status]));
  for (const m of result.inserted) {
    emit("message.created", { orgId, conversationId: m.conversationId, messageId: m.id, direction: "INBOUND", conversationStatus: statusOf.get(m.conversationId) });
  }
  const media = result.inserted.filter((m) => m.media?.waMediaId).map((m) => ({ data: { messageId: m.id } }));
  if (media.length) await (await getBoss()).insert("whatsapp.media", media);
}

async function persist(tx: Tx, account: WhatsappAccountRow, incoming: Incoming[], names: Map<string, string | null>, newStatus: "BOT_HANDLING" | "OPEN") {
  const orgId = account.orgId;
  const bySender = groupBy(incoming, (m) => m.waId);
  const contacts = await upsertInboundContacts(tx, {
    orgId,
    isSimulated: account.isSandbox,
    contacts: [...bySender].map(([waId, msgs]) => ({ waId, profileName: names.get(waId) ?? null, lastMessageAt: latest(msgs).at })),
  });
  const found = await findOrCreateActiveConversations(tx, {
    orgId,
    accountId: account.id,
    isSimulated: account.isSandbox,
    contacts: [...bySender].map(([waId, msgs]) => {
      const referral = msgs.find((m) => m.referral)?.referral;
      return { contactId: contacts.get(waId)!.contact.id, source: referral ? { type: "click_to_whatsapp_ad", ...referral } : null, status: newStatus };
    }),
  });
  const conversationOf = (waId: string) => found.get(contacts.get(waId)!.contact.id)!.conversation;
  const inserted = await insertInboundBatch(
    tx,
    incoming.map((m) => ({ ...m.insert, conversationId: conversationOf(m.waId).id })),
  );
  // Every message was stored meanwhile by a concurrent delivery of the same webhook: undo, so that no empty
  // conversation is left behind.
  if (!inserted.length) throw NOTHING_NEW;

  const fresh = new Set(inserted.map((r) => r.providerMessageId));
  const byConversation = groupBy(
    incoming.filter((m) => fresh.has(m.insert.providerMessageId!)),
    (m) => conversationOf(m.waId).id,
  );
  const updated = await recordInboundMany(
    tx,
    [...byConversation].map(([conversationId, msgs]) => ({ conversationId, at: latest(msgs).at, preview: latest(msgs).preview, count: msgs.length })),
  );
  const createdIds = new Set([...found.values()].filter((f) => f.created).map((f) => f.conversation.id));
  const conversations: FoundConversation[] = updated.map((conversation) => ({ conversation, created: createdIds.has(conversation.id) }));
  const changedContacts = [...contacts.values()].filter((c) => c.changed).map((c) => c.contact.id);
  return { inserted, conversations, changedContacts };
}
