import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { changeConversation, withDto } from "./change";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Marks the conversation to come back to (default: in 24 hours); replaces an earlier follow-up. */
export async function setFollowUpRow(ctx: Ctx, id: number, input: { note?: string | null; at?: Date }) {
  const at = input.at ?? new Date(Date.now() + DAY_MS);
  if (at.getTime() <= Date.now()) throw errors.validation("Invalid body", [{ path: "at", message: "must be in the future" }]);
  return changeConversation(ctx, id, async () => ({ followUpAt: at, followUpNote: input.note ?? null, followUpById: ctx.user?.id ?? null }));
}

export async function clearFollowUpRow(ctx: Ctx, id: number) {
  return changeConversation(ctx, id, async (row) => (row.followUpAt ? { followUpAt: null, followUpNote: null, followUpById: null } : null));
}

export const setFollowUp = withDto(setFollowUpRow);
export const clearFollowUp = withDto(clearFollowUpRow);
