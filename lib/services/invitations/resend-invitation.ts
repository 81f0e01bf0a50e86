import { findInvitation } from "@/db/queries/invitations";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { reissueInvitation } from "./shared";

export async function resendInvitation(ctx: Ctx, id: number) {
  const found = await findInvitation(ctx.orgId, id);
  if (!found) throw errors.notFound("Invitation");
  return reissueInvitation(ctx, found);
}
