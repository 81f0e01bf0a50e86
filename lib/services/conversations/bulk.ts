import { findTag } from "@/db/queries/tags";
import { findMembership } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { AppError, errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { changeConversationTag } from "@/lib/services/tags/conversation-tags";
import { withVisibility } from "./access";
import { assignRow, unassignRow } from "./assign";
import { resolveRow } from "./resolve";
import { updateConversationRow } from "./update";

export type BulkInput =
  | { ids: number[]; action: "assign"; userId: number }
  | { ids: number[]; action: "unassign" | "resolve" }
  | { ids: number[]; action: "tag" | "untag"; tagId: number }
  | { ids: number[]; action: "priority"; priority: "LOW" | "NORMAL" | "HIGH" | "URGENT" };

type Failure = { id: string; code: string; message: string };

/**
 * The same action on selected conversations, each under the same rules as its single endpoint: what one of them
 * refuses (not visible, assigned to someone else, already closed) is reported in `failed` and the rest go through.
 * What the whole request names (the assignee, the tag) must exist, else the request is a 404.
 */
export async function bulkConversations(caller: Ctx, input: BulkInput) {
  const ids = [...new Set(input.ids)];
  // Who the caller is does not change from one conversation to the next: their teams are read once.
  const ctx = await withVisibility(caller);
  let run: (id: number) => Promise<unknown>;
  switch (input.action) {
    case "assign": {
      const member = await findMembership(ctx.orgId, input.userId);
      if (!member) throw errors.notFound("User");
      run = (id) => assignRow(ctx, id, { userId: input.userId }, member);
      break;
    }
    case "unassign":
      run = (id) => unassignRow(ctx, id);
      break;
    case "resolve":
      run = (id) => resolveRow(ctx, id);
      break;
    case "priority":
      run = (id) => updateConversationRow(ctx, id, { priority: input.priority });
      break;
    case "tag":
    case "untag":
      if (!(await findTag(ctx.orgId, input.tagId))) throw errors.notFound("Tag");
      run = (id) => changeConversationTag(ctx, id, input.tagId, input.action === "tag");
      break;
  }
  const failed: Failure[] = [];
  let missing = 0;
  for (const id of ids) {
    try {
      await run(id);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.status === 404) missing++;
      failed.push({ id: String(id), code: e.code, message: e.message });
    }
  }
  const succeeded = ids.length - failed.length;
  if ((input.action === "tag" || input.action === "untag") && succeeded) emit("tag.changed", { orgId: ctx.orgId, tagId: input.tagId });
  return { matched: ids.length - missing, succeeded, failed };
}
