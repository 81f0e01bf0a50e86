import { getTableColumns, sql, type InferSelectModel } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import { contacts, conversations, messages } from "@/db/schema";
import type { UpsertedContact } from "./contacts";
import type { MessageInsert, MessageRow } from "./messages";

// The writes of a drained webhook batch (lib/services/whatsapp/webhook/drain.ts), set-based: every row travels in a
// few array parameters, so each statement has one fixed text (prepared once per connection, planned once) however
// many rows it carries, and no per-row query building. These are the only copies of these rules: single-row callers
// (upsertContact) go through them too.

/** A row as drizzle would have returned it, from the raw row of a statement written in SQL. */
function rowOf<T extends PgTable>(table: T, raw: Record<string, unknown>): InferSelectModel<T> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as InferSelectModel<T>;
}

const texts = (list: (string | null | undefined)[]) => sql.param(list.map((v) => v ?? null));
/** Timestamps and jsonb go as text[] and are cast in SQL (the driver passes them through as text). */
const stamps = (list: (Date | null | undefined)[]) => sql`${texts(list.map((d) => d?.toISOString()))}::text[]::timestamptz[]`;
const jsons = (list: unknown[]) => sql`${texts(list.map((v) => (v === null || v === undefined ? null : JSON.stringify(v))))}::text[]::jsonb[]`;

/**
 * Creates or refreshes contacts of one org (a profile name from Meta never erases one we have): rows written in wa_id order (two batches naming the same customers lock them in the same
 * order); `changed` is true for a new contact or a new profile name.
 */
export async function upsertInboundContacts(
  tx: Tx,
  input: { orgId: number; isSimulated?: boolean; contacts: { waId: string; profileName?: string | null; lastMessageAt?: Date | null }[] },
): Promise<Map<string, UpsertedContact>> {
  // One row per customer: ON CONFLICT cannot touch the same row twice in one statement.
  const byWaId = new Map(input.contacts.map((c) => [c.waId, { ...c, profileName: c.profileName?.trim() || null }]));
  const list = [...byWaId.values()];
  const rows = (await tx.execute(sql`
    with input as (
      select * from unnest(${texts(list.map((c) => c.waId))}::text[], ${texts(list.map((c) => c.profileName))}::text[],
        ${stamps(list.map((c) => c.lastMessageAt))}) as i(wa_id, profile_name, last_message_at)
    ), old as (
      select c.wa_id, c.profile_name from ${contacts} c where c.org_id = ${input.orgId} and c.wa_id in (select wa_id from input)
    )
    insert into ${contacts} as c (org_id, wa_id, profile_name, is_simulated, last_message_at)
    select ${input.orgId}, i.wa_id, i.profile_name, ${input.isSimulated ?? false}, i.last_message_at from input i order by i.wa_id
    on conflict (org_id, wa_id) do update set
      profile_name = coalesce(excluded.profile_name, c.profile_name),
      last_message_at = greatest(c.last_message_at, excluded.last_message_at),
      updated_at = now()
    returning c.*, (select o.profile_name from old o where o.wa_id = c.wa_id) as previous, (c.xmax = 0) as inserted`)) as unknown as Record<string, unknown>[];
  const given = new Map(list.map((c) => [c.waId, c.profileName]));
  return new Map(
    rows.map((raw) => {
      const contact = rowOf(contacts, raw);
      const name = given.get(contact.waId) ?? null;
      return [contact.waId, { contact, changed: raw.inserted === true || (name !== null && name !== raw.previous) }];
    }),
  );
}

/** Inserts inbound messages of one number: a wamid the number already has is skipped. Input order is kept. */
export async function insertInboundBatch(tx: Tx, rows: MessageInsert[]): Promise<MessageRow[]> {
  if (!rows.length) return [];
  const { orgId, whatsappAccountId } = rows[0];
  const inserted = (await tx.execute(sql`
    insert into ${messages} (org_id, conversation_id, whatsapp_account_id, direction, type, body, media, content,
      provider_message_id, reply_to_provider_id, status, sender_type, provider_timestamp)
    select ${orgId}, m.conversation_id, ${whatsappAccountId}, 'INBOUND', m.type::message_type, m.body, m.media, m.content,
      m.wamid, m.reply_to, 'RECEIVED', 'CUSTOMER', m.at
    from unnest(${sql.param(rows.map((r) => r.conversationId))}::bigint[], ${texts(rows.map((r) => r.type))}::text[],
      ${texts(rows.map((r) => r.body))}::text[], ${jsons(rows.map((r) => r.media))}, ${jsons(rows.map((r) => r.content))},
      ${texts(rows.map((r) => r.providerMessageId))}::text[], ${texts(rows.map((r) => r.replyToProviderId))}::text[],
      ${stamps(rows.map((r) => r.providerTimestamp as Date))}) as m(conversation_id, type, body, media, content, wamid, reply_to, at)
    on conflict (whatsapp_account_id, provider_message_id) where provider_message_id is not null do nothing
    returning *`)) as unknown as Record<string, unknown>[];
  return inserted.map((raw) => rowOf(messages, raw));
}

export type InboundSummary = { conversationId: number; at: Date; preview: string; count: number };

/**
 * Customer messages arrived, for any number of conversations in one UPDATE: WAITING_FOR_CUSTOMER goes back to HUMAN_HANDLING when
 * someone has it, else OPEN; an older message never moves lastMessageAt or the preview backwards. Rows are locked in
 * ascending id order first, the order every other path locks conversations in.
 */
export async function recordInboundMany(tx: Tx, list: InboundSummary[]) {
  if (!list.length) return [];
  const sorted = [...list].sort((a, b) => a.conversationId - b.conversationId);
  const ids = sql.param(sorted.map((c) => c.conversationId));
  const rows = (await tx.execute(sql`
    with locked as materialized (
      select id from ${conversations} where id = any(${ids}::bigint[]) order by id for update
    ), v as (
      select * from unnest(${ids}::bigint[], ${stamps(sorted.map((c) => c.at))}, ${texts(sorted.map((c) => c.preview))}::text[],
        ${sql.param(sorted.map((c) => c.count))}::int[]) as v(id, at, preview, n)
    )
    update ${conversations} c set
      status = case when c.status = 'WAITING_FOR_CUSTOMER'
        then (case when c.assigned_to_id is null then 'OPEN' else 'HUMAN_HANDLING' end)::conversation_status
        else c.status end,
      last_message_preview = case when v.at >= coalesce(c.last_message_at, '-infinity') then v.preview else c.last_message_preview end,
      last_message_direction = case when v.at >= coalesce(c.last_message_at, '-infinity') then 'INBOUND' else c.last_message_direction end,
      last_message_at = greatest(c.last_message_at, v.at),
      last_customer_message_at = greatest(c.last_customer_message_at, v.at),
      unread_count = c.unread_count + v.n,
      -- A customer message wakes a snoozed conversation up early.
      snoozed_until = null,
      version = c.version + 1,
      updated_at = now()
    from v join locked l on l.id = v.id
    where c.id = v.id
    returning c.*`)) as unknown as Record<string, unknown>[];
  return rows.map((raw) => rowOf(conversations, raw));
}
