import type { TagWithCount } from "@/db/queries/tags";
import { TAG_COLORS, type TagColor } from "@/lib/api/contracts/tags";
import type { TagDto } from "@/lib/api/contracts/inbox-schemas";

export function tagDto({ tag: t, conversationCount }: TagWithCount): TagDto {
  return {
    id: String(t.id),
    name: t.name,
    color: t.color,
    description: t.description,
    conversationCount,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export const tagRefDto = (t: { id: number; name: string; color: string }) => ({ id: String(t.id), name: t.name, color: t.color });

/** A stable color for a tag created without one: the same name always gets the same color, case aside. */
export function defaultTagColor(name: string): TagColor {
  let h = 0;
  for (const ch of name.trim().toLowerCase()) h = (Math.imul(h, 31) + ch.codePointAt(0)!) >>> 0;
  return TAG_COLORS[h % TAG_COLORS.length].name;
}
