import { z } from "zod";
import type { Principal } from "@/lib/auth/principal";
import { errors } from "@/lib/api/errors";
import { authorizeChannel } from "@/lib/realtime/publish";

const body = z.object({ socket_id: z.string().regex(/^\d+\.\d+$/), channel_name: z.string().min(1).max(200) });

/** Channel names a principal may join. Anything else, including other orgs' channels, is refused. */
export function channelAllowed(p: Principal, channel: string): boolean {
  if (channel === `private-org-${p.orgId}` || channel === `presence-org-${p.orgId}`) return true;
  return Boolean(p.user && channel === `private-user-${p.user.id}`);
}

export function authorizeRealtime(p: Principal, input: Record<string, unknown>) {
  const parsed = body.safeParse(input);
  if (!parsed.success) throw errors.validation("socket_id and channel_name are required");
  const { socket_id, channel_name } = parsed.data;
  if (!channelAllowed(p, channel_name)) throw errors.forbidden("Not allowed on this channel");
  const presence = channel_name.startsWith("presence-") && p.user ? { user_id: String(p.user.id), user_info: { name: p.user.name } } : undefined;
  if (channel_name.startsWith("presence-") && !presence) throw errors.forbidden("Presence channels need a signed-in user");
  const auth = authorizeChannel(socket_id, channel_name, presence);
  if (!auth) throw errors.notConfigured("Realtime");
  return auth;
}
