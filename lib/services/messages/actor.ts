import type { Ctx } from "@/lib/api/context";

/**
 * Who sends. A request (Ctx) sends as its user (AGENT) or, for an org API key, as API. The bot, campaigns and other
 * background work have no request: they send as a system actor of the org.
 */
export type SystemActor = { kind: "system"; orgId: number; senderType: "BOT" | "CAMPAIGN" | "SYSTEM" | "API"; userId?: number | null };
export type SendActor = Ctx | SystemActor;

export const systemActor = (orgId: number, senderType: SystemActor["senderType"] = "SYSTEM", userId: number | null = null): SystemActor => ({
  kind: "system",
  orgId,
  senderType,
  userId,
});

const isSystem = (a: SendActor): a is SystemActor => "kind" in a && a.kind === "system";

export function senderOf(actor: SendActor): { senderType: "AGENT" | SystemActor["senderType"]; senderUserId: number | null } {
  if (isSystem(actor)) return { senderType: actor.senderType, senderUserId: actor.userId ?? null };
  return actor.user ? { senderType: "AGENT", senderUserId: actor.user.id } : { senderType: "API", senderUserId: null };
}

/** Messages that are not a person answering (bot, campaign, automation) leave the conversation's status alone. */
export const sentBySystem = (actor: SendActor) => ["BOT", "CAMPAIGN", "SYSTEM"].includes(senderOf(actor).senderType);

/** storeFile wants a Ctx, but reads only the org and the uploader from it. */
export function uploaderOf(actor: SendActor): Ctx {
  if (!isSystem(actor)) return actor;
  return { orgId: actor.orgId, user: null } as unknown as Ctx;
}
