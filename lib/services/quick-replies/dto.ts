import type { QuickReplyRow } from "@/db/queries/quick-replies";
import type { QuickReplyDto } from "@/lib/api/contracts/inbox-schemas";
import { fileUrl } from "@/lib/services/identity/dto";

export function quickReplyDto(q: QuickReplyRow): QuickReplyDto {
  return {
    id: String(q.id),
    shortcut: q.shortcut,
    title: q.title,
    body: q.body,
    category: q.category,
    isActive: q.isActive,
    media: q.media ? { url: fileUrl(q.media.fileId)!, mimeType: q.media.mimeType, filename: q.media.filename, size: q.media.size } : null,
    usageCount: q.usageCount,
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
  };
}
