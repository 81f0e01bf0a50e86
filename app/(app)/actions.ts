"use server";

import { unstable_update } from "@/lib/auth/nextauth";

/**
 * Re-issues the session cookie for another organization. The jwt callback switches only to an org the user belongs
 * to, so the answer says which org the session is in now.
 */
export async function switchOrganization(orgId: string): Promise<{ orgId: string | null }> {
  const session = await unstable_update({ orgId });
  return { orgId: session?.orgId ?? null };
}
