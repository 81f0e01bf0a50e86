import type { Tx } from "@/db/client";
import type { ConversationRow } from "@/db/queries/conversations";
import { contactsByIds, peopleByIds, tagsOfConversations, teamsByIds } from "@/db/queries/inbox-conversations";
import type { ConversationDto } from "@/lib/api/contracts/inbox-schemas";
import { fileUrl } from "@/lib/services/identity/dto";
import { WINDOW_MS } from "@/lib/services/messages/window";

const iso = (d: Date | null) => d?.toISOString() ?? null;
const ids = (list: (number | null)[]) => [...new Set(list.filter((v): v is number => v !== null))];

/**
 * DTOs for any number of conversations of one org: contacts, people (assignee, follow-up author), teams and tags come
 * in one query each for the whole batch, whatever its size.
 */
export async function conversationDtos(orgId: number, rows: ConversationRow[], tx?: Tx): Promise<ConversationDto[]> {
  if (!rows.length) return [];
  const [contactRows, people, teamRows, tagRows] = await Promise.all([
    contactsByIds(orgId, ids(rows.map((r) => r.contactId)), tx),
    peopleByIds(ids(rows.flatMap((r) => [r.assignedToId, r.followUpById])), tx),
    teamsByIds(orgId, ids(rows.map((r) => r.teamId)), tx),
    tagsOfConversations(orgId, rows.map((r) => r.id), tx),
  ]);
  const contactOf = new Map(contactRows.map((x) => [x.id, x]));
  const personOf = new Map(people.map((p) => [p.id, { id: String(p.id), name: p.name, avatarUrl: fileUrl(p.avatarFileId) }]));
  const teamOf = new Map(teamRows.map((t) => [t.id, { id: String(t.id), name: t.name, color: t.color }]));
  const tagsOf = new Map<number, ConversationDto["tags"]>();
  for (const t of tagRows) {
    const list = tagsOf.get(t.conversationId) ?? [];
    list.push({ id: String(t.id), name: t.name, color: t.color });
    tagsOf.set(t.conversationId, list);
  }
  return rows.map((r) => {
    const contact = contactOf.get(r.contactId);
    return {
      id: String(r.id),
      displayId: r.displayId,
      status: r.status,
      priority: r.priority,
      category: r.category,
      unreadCount: r.unreadCount,
      contact: { id: String(r.contactId), waId: contact?.waId ?? "", name: contact?.name ?? null, profileName: contact?.profileName ?? null },
      assignee: r.assignedToId ? (personOf.get(r.assignedToId) ?? null) : null,
      team: r.teamId ? (teamOf.get(r.teamId) ?? null) : null,
      tags: tagsOf.get(r.id) ?? [],
      lastMessageAt: iso(r.lastMessageAt),
      lastCustomerMessageAt: iso(r.lastCustomerMessageAt),
      lastMessagePreview: r.lastMessagePreview,
      lastMessageDirection: r.lastMessageDirection === "INBOUND" || r.lastMessageDirection === "OUTBOUND" ? r.lastMessageDirection : null,
      windowExpiresAt: r.lastCustomerMessageAt ? new Date(r.lastCustomerMessageAt.getTime() + WINDOW_MS).toISOString() : null,
      snoozedUntil: iso(r.snoozedUntil),
      followUp: r.followUpAt
        ? { at: r.followUpAt.toISOString(), note: r.followUpNote, by: r.followUpById ? (personOf.get(r.followUpById) ?? null) : null }
        : null,
      handoffSummary: r.handoffSummary,
      whatsappAccountId: r.whatsappAccountId === null ? null : String(r.whatsappAccountId),
      isSimulated: r.isSimulated,
      source: r.source ?? null,
      assignedAt: iso(r.assignedAt),
      closedAt: iso(r.closedAt),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
    };
  });
}

export async function conversationDto(orgId: number, row: ConversationRow, tx?: Tx): Promise<ConversationDto> {
  return (await conversationDtos(orgId, [row], tx))[0];
}
