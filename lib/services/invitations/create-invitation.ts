import { getDb } from "@/db/client";
import type { Ctx } from "@/lib/api/context";
import type { InvitationInput } from "@/lib/api/contracts/invitations";
import { AppError, isUniqueViolation } from "@/lib/api/errors";
import { audit } from "@/lib/services/audit";
import { assertInvitable, deliverInvitation, insertInvitationFor, withUrl } from "./shared";

/** Invites an address to the org: refused (409) for members and for addresses with a pending invitation. */
export async function createInvitation(ctx: Ctx, input: InvitationInput) {
  const role = input.role ?? "AGENT";
  const { found, token } = await getDb().transaction(async (tx) => {
    await assertInvitable(ctx.orgId, input.email, tx);
    const created = await insertInvitationFor(ctx, { email: input.email, name: input.name, role }, tx);
    await audit(ctx, "invitation.created", { type: "invitation", id: created.found.invitation.id }, { email: input.email, role }, tx);
    return created;
  });
  await deliverInvitation(found, token);
  return withUrl(found, token);
}

type Failure = { email: string; code: string; message: string };

/** Each entry stands alone: one bad address does not stop the others. */
export async function bulkCreateInvitations(ctx: Ctx, input: { invitations: InvitationInput[] }) {
  const created: Awaited<ReturnType<typeof createInvitation>>[] = [];
  const failed: Failure[] = [];
  const seen = new Set<string>();
  for (const entry of input.invitations) {
    if (seen.has(entry.email)) {
      failed.push({ email: entry.email, code: "DUPLICATE", message: "This email appears more than once in the request" });
      continue;
    }
    seen.add(entry.email);
    try {
      created.push(await createInvitation(ctx, entry));
    } catch (e) {
      if (e instanceof AppError) failed.push({ email: entry.email, code: e.code, message: e.message });
      else if (isUniqueViolation(e)) failed.push({ email: entry.email, code: "CONFLICT", message: "A record with these values already exists" });
      else throw e;
    }
  }
  return { created, failed };
}
