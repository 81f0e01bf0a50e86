import { getDb } from "@/db/client";
import { lockQuickReplies, setQuickRepliesActive } from "@/db/queries/quick-replies";
import type { Ctx } from "@/lib/api/context";
import type { BulkQuickRepliesInput } from "@/lib/api/contracts/quick-replies";
import { audit } from "@/lib/services/audit";
import { deleteQuickReplyRows, quickReplyChanged } from "./quick-replies";

/** One transaction for the whole selection: it all happens or nothing does. */
export async function bulkQuickReplies(ctx: Ctx, input: BulkQuickRepliesInput) {
  const s = input.selection;
  const { matched, changed, removeObjects } = await getDb().transaction(async (tx) => {
    const rows = await lockQuickReplies(ctx.orgId, s.mode === "ids" ? { ids: s.ids } : { excludeIds: s.excludeIds ?? [] }, tx);
    const ids = rows.map((r) => r.id);
    let changed: number[];
    let removeObjects = async () => {};
    if (input.action === "delete") {
      const result = await deleteQuickReplyRows(ctx, ids, tx);
      changed = result.deleted.map((r) => r.id);
      removeObjects = async () => void (await result.removeObjects());
    } else {
      changed = (await setQuickRepliesActive(ctx.orgId, ids, input.action === "activate", tx)).map((r) => r.id);
    }
    if (changed.length) await audit(ctx, "quick_reply.bulk_changed", { type: "quick_reply", id: "bulk" }, { action: input.action, ids: changed }, tx);
    return { matched: rows.length, changed, removeObjects };
  });
  await removeObjects();
  quickReplyChanged(ctx, changed);
  return { matched, succeeded: changed.length };
}
