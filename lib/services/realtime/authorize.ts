import { z } from "zod";
import type { Principal } from "@/lib/auth/principal";
import { AppError, errors } from "@/lib/api/errors";
import { loadVisibleConversation } from "@/lib/services/conversations/access";
import { authorizeChannel } from "@/lib/realtime/publish";
import { fileUrl } from "@/lib/services/identity/dto";

const body = z.object({ socket_id: z.string().regex(/^\d+\.\d+$/), channel_name: z.string().min(1).max(200) });

/** Who is viewing (and typing in) a conversation: only people who may see the conversation may join. */
async function mayViewConversation(p: Principal, id: string): Promise<boolean> {
  if (!p.user || !/^\d{1,15}$/.test(id)) return false;
  try {
    await loadVisibleConversation(p, Number(id));
    return true;
  } catch (e) {
    if (e instanceof AppError && e.status === 404) return false;
    throw e;
  }
}

/** Channel names a principal may join. Anything else, including other orgs' channels, is refused. */
export async function channelAllowed(p: Principal, channel: string): Promise<boolean> {
  if (channel === `private-org-${p.orgId}` || channel === `presence-org-${p.orgId}`) return true;
  if (p.user && channel === `private-user-${p.user.id}`) return true;
  const conversation = /^presence-conversation-(.+)$/.exec(channel);
  return conversation ? mayViewConversation(p, conversation[1]) : false;
}

export async function authorizeRealtime(p: Principal, input: Record<string, unknown>) {
  const parsed = body.safeParse(input);
  if (!parsed.success) throw errors.validation("socket_id and channel_name are required");
  const { socket_id, channel_name } = parsed.data;
  if (!(await channelAllowed(p, channel_name))) throw errors.forbidden("Not allowed on this channel");
  const presence = channel_name.startsWith("presence-") && p.user ? { user_id: String(p.user.id), user_info: { name: p.user.name, avatarUrl: fileUrl(p.user.avatarFileId) } } : undefined;
  if (channel_name.startsWith("presence-") && !presence) throw errors.forbidden("Presence channels need a signed-in user");
  const auth = authorizeChannel(socket_id, channel_name, presence);
  if (!auth) throw errors.notConfigured("Realtime");
  return auth;
}
