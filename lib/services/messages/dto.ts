import { messagesByWamid, userNames, type MessageRow } from "@/db/queries/outbound";
import type { Tx } from "@/db/client";
import type { MessageDto } from "@/lib/api/contracts/messages";
import { fileUrl } from "@/lib/services/identity/dto";

const iso = (d: Date | null) => d?.toISOString() ?? null;

export type MessageExtras = { senderName?: string | null; replyTo?: { id: number; body: string | null } | null };

/** The shared shape of a message (inbox thread, failed-messages admin, API). Pure: see loadMessageDtos for lists. */
export function messageDto(m: MessageRow, extras: MessageExtras = {}): MessageDto {
  const media = m.media
    ? {
        url: fileUrl(m.media.fileId ?? null),
        mimeType: m.media.mimeType ?? null,
        filename: m.media.filename ?? null,
        caption: m.media.caption ?? null,
        status: m.media.status ?? null,
      }
    : null;
  const hasError = m.errorCode !== null || m.errorTitle !== null || m.status === "FAILED";
  return {
    id: String(m.id),
    conversationId: String(m.conversationId),
    direction: m.direction,
    type: m.type,
    body: m.body,
    media,
    content: m.content ?? null,
    status: m.status,
    senderType: m.senderType,
    sender: m.senderUserId && extras.senderName ? { id: String(m.senderUserId), name: extras.senderName } : null,
    replyTo: extras.replyTo ? { id: String(extras.replyTo.id), body: extras.replyTo.body } : null,
    templateName: m.templateName,
    isPrivate: m.isPrivate,
    mentions: (m.mentions ?? []).map(String),
    hidden: m.hidden,
    error: hasError ? { code: m.errorCode, title: m.errorTitle, details: m.errorDetails, permanent: m.permanentFailure } : null,
    sentAt: iso(m.sentAt),
    deliveredAt: iso(m.deliveredAt),
    readAt: iso(m.readAt),
    failedAt: iso(m.failedAt),
    createdAt: m.createdAt.toISOString(),
  };
}

/**
 * DTOs for a page of messages of one org: sender names and quoted messages come in two queries for the whole page.
 * A quoted (or, for a reaction, the reacted-to) message is looked up by its wamid inside the same conversation.
 */
export async function loadMessageDtos(orgId: number, rows: MessageRow[], tx?: Tx): Promise<MessageDto[]> {
  const senderIds = [...new Set(rows.map((m) => m.senderUserId).filter((v): v is number => v !== null))];
  const quoted = rows.filter((m) => m.replyToProviderId);
  const [names, targets] = await Promise.all([
    userNames(senderIds, tx),
    messagesByWamid(orgId, [...new Set(quoted.map((m) => m.conversationId))], [...new Set(quoted.map((m) => m.replyToProviderId!))], tx),
  ]);
  const targetOf = (m: MessageRow) => targets.find((t) => t.conversationId === m.conversationId && t.providerMessageId === m.replyToProviderId);
  return rows.map((m) => {
    const t = m.replyToProviderId ? targetOf(m) : undefined;
    return messageDto(m, { senderName: m.senderUserId ? names.get(m.senderUserId) : null, replyTo: t ? { id: t.id, body: t.body } : null });
  });
}

export async function loadMessageDto(orgId: number, row: MessageRow, tx?: Tx): Promise<MessageDto> {
  return (await loadMessageDtos(orgId, [row], tx))[0];
}
