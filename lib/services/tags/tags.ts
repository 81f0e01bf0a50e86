import { getDb } from "@/db/client";
import { deleteTagBumpingConversations, findTag, findTagWithCount, insertTag, listTags as listTagRows, updateTag as updateTagRow } from "@/db/queries/tags";
import type { Ctx } from "@/lib/api/context";
import { TAG_COLORS, type TagColor } from "@/lib/api/contracts/tags";
import { errors } from "@/lib/api/errors";
import { uniqueName } from "@/lib/services/unique-name";
import { emit } from "@/lib/events/emit";
import { audit } from "@/lib/services/audit";
import { defaultTagColor, tagDto } from "./dto";

type TagInput = { name?: string; color?: TagColor; description?: string | null };

export async function listTags(ctx: Ctx) {
  return { data: (await listTagRows(ctx.orgId)).map(tagDto) };
}

export const tagColors = () => ({ data: TAG_COLORS.map((c) => ({ name: c.name, hex: c.hex })) });

// The unique index is on lower(name): a name that differs only in case is the same tag (409).
export async function createTag(ctx: Ctx, input: TagInput & { name: string }) {
  const tag = await uniqueName("tag", input.name, () =>
    insertTag({
      orgId: ctx.orgId,
      name: input.name,
      color: input.color ?? defaultTagColor(input.name),
      description: input.description ?? null,
      createdById: ctx.user?.id ?? null,
    }),
  );
  emit("tag.changed", { orgId: ctx.orgId, tagId: tag.id });
  return tagDto({ tag, conversationCount: 0 });
}

/** A rename or recolor reaches conversations through tag.changed: clients refetch, no conversation version moves. */
export async function updateTag(ctx: Ctx, id: number, input: TagInput) {
  const result = await uniqueName("tag", input.name, () =>
    getDb().transaction(async (tx) => {
      const before = await findTag(ctx.orgId, id, tx);
      if (!before) throw errors.notFound("Tag");
      await updateTagRow(ctx.orgId, id, input, tx);
      await audit(ctx, "tag.updated", { type: "tag", id }, { before: { name: before.name, color: before.color }, after: input }, tx);
      return findTagWithCount(ctx.orgId, id, tx);
    }),
  );
  emit("tag.changed", { orgId: ctx.orgId, tagId: id });
  return tagDto(result!);
}

export async function deleteTag(ctx: Ctx, id: number) {
  const bumped = await getDb().transaction(async (tx) => {
    const { tag, bumped } = await deleteTagBumpingConversations(ctx.orgId, id, tx);
    if (!tag) throw errors.notFound("Tag");
    await audit(ctx, "tag.deleted", { type: "tag", id }, { name: tag.name, openConversations: bumped.length }, tx);
    return bumped;
  });
  for (const c of bumped) emit("conversation.updated", { orgId: ctx.orgId, conversationId: c.id, version: c.version });
  emit("tag.changed", { orgId: ctx.orgId, tagId: id });
}
