import { getDb, type Tx } from "@/db/client";
import type { ConversationRow } from "@/db/queries/conversations";
import { updateInboxConversation } from "@/db/queries/inbox-conversations";
import type { NotificationRow } from "@/db/queries/notifications";
import { insertMessage } from "@/db/queries/outbound";
import type { conversations } from "@/db/schema";
import type { Ctx } from "@/lib/api/context";
import { emit } from "@/lib/events/emit";
import { pushNotifications } from "@/lib/services/notifications/notify";
import { loadVisibleConversation } from "./access";
import { conversationDto } from "./dto";

export type ConversationChange = Partial<typeof conversations.$inferInsert>;

/** What a change leaves to do once committed: realtime pushes of notes and notifications written in its transaction. */
export type Effects = { notes: number[]; notifications: NotificationRow[] };

export type Plan = (row: ConversationRow, tx: Tx, fx: Effects) => Promise<ConversationChange | null>;

/**
 * The one path of every change to a conversation: lock the row the caller may see (404 otherwise), let `plan` check the
 * rules and say what changes (null: nothing to do), write it with a version bump, then — after commit — tell every
 * client. Rows are locked one at a time by id, as every other writer of conversations does.
 */
export async function changeConversation(ctx: Ctx, id: number, plan: Plan): Promise<ConversationRow> {
  const fx: Effects = { notes: [], notifications: [] };
  const { row, changed } = await getDb().transaction(async (tx) => {
    const current = await loadVisibleConversation(ctx, id, tx, true);
    const values = await plan(current, tx, fx);
    if (!values) return { row: current, changed: false };
    return { row: await updateInboxConversation(tx, ctx.orgId, id, values), changed: true };
  });
  if (changed) emit("conversation.updated", { orgId: row.orgId, conversationId: row.id, version: row.version });
  for (const messageId of fx.notes) emit("message.created", { orgId: row.orgId, conversationId: row.id, messageId, direction: "OUTBOUND" });
  pushNotifications(fx.notifications);
  return row;
}

/** Turns a row-returning action into the API's answer (bulk actions use the row version and skip the DTO). */
export const withDto =
  <A extends unknown[]>(fn: (ctx: Ctx, ...args: A) => Promise<ConversationRow>) =>
  async (ctx: Ctx, ...args: A) =>
    conversationDto(ctx.orgId, await fn(ctx, ...args));

const NOTES = {
  takeover: { es: (n: string) => `${n} tomó la conversación`, en: (n: string) => `${n} took over` },
  returnToBot: { es: (n: string) => `${n} devolvió la conversación al bot`, en: (n: string) => `${n} returned the conversation to the bot` },
  botHandoff: { es: (_n: string) => "El bot pasó la conversación a una persona", en: (_n: string) => "The bot handed the conversation to a person" },
} as const;

/**
 * A line in the thread saying what happened (never sent to WhatsApp). `content.event` lets clients render it in their
 * own language; the body is written in the org's language for everything else (exports, the API).
 */
export async function systemNote(ctx: Pick<Ctx, "user" | "org">, tx: Tx, row: ConversationRow, event: keyof typeof NOTES, fx: Effects, extra: Record<string, unknown> = {}) {
  const name = ctx.user?.name ?? "API";
  const lang = ctx.org.locale?.startsWith("en") ? "en" : "es";
  const note = await insertMessage(
    {
      orgId: row.orgId,
      conversationId: row.id,
      direction: "OUTBOUND",
      type: "SYSTEM",
      body: NOTES[event][lang](name),
      content: { ...extra, event, userId: ctx.user ? String(ctx.user.id) : null },
      status: "SENT",
      senderType: "SYSTEM",
      senderUserId: ctx.user?.id ?? null,
      isPrivate: true,
    },
    tx,
  );
  fx.notes.push(note.id);
}
