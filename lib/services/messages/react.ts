import { findMessage } from "@/db/queries/messages";
import type { MessageDto } from "@/lib/api/contracts/messages";
import { errors } from "@/lib/api/errors";
import type { SendActor } from "./actor";
import { sendMessage } from "./send-message";

/** Reacts to a message of the caller's org (an empty emoji removes the reaction), through the one outbound path. */
export async function reactToMessage(actor: SendActor, messageId: number, emoji: string): Promise<MessageDto> {
  const target = await findMessage(actor.orgId, messageId);
  if (!target) throw errors.notFound("Message");
  return sendMessage(actor, { conversationId: target.conversationId, kind: "reaction", messageId, emoji });
}
