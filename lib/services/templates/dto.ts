import type { TemplateRow } from "@/db/queries/templates";

export const headerMediaUrl = (t: Pick<TemplateRow, "id" | "headerMediaFileId">) => (t.headerMediaFileId ? `/api/v1/templates/${t.id}/header-media` : null);

export function templateDto(t: TemplateRow) {
  return {
    id: String(t.id),
    name: t.name,
    language: t.language,
    category: t.category,
    status: t.status,
    components: t.components,
    rejectedReason: t.rejectedReason,
    qualityScore: t.qualityScore,
    metaTemplateId: t.metaTemplateId,
    whatsappAccountId: t.whatsappAccountId === null ? null : String(t.whatsappAccountId),
    headerMediaFileId: t.headerMediaFileId === null ? null : String(t.headerMediaFileId),
    headerMediaUrl: headerMediaUrl(t),
    submittedAt: t.submittedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export type TemplateDto = ReturnType<typeof templateDto>;
