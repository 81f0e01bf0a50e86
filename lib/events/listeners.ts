import { orgChannel, publish } from "@/lib/realtime/publish";
import type { EventName, Listener } from "./types";

/** Side effects of domain events. Each event fans out to its listeners; none of them runs inside the service. */
export const LISTENERS: { [E in EventName]?: Listener<E>[] } = {
  "user.presence_changed": [(e) => publish([orgChannel(e.orgId)], "user.presence_changed", { userId: String(e.userId), status: e.status })],
  "user.updated": [(e) => publish([orgChannel(e.orgId)], "user.updated", { userId: String(e.userId) })],
  "user.deleted": [(e) => publish([orgChannel(e.orgId)], "user.deleted", { userId: String(e.userId) })],
  "invitation.changed": [(e) => publish([orgChannel(e.orgId)], "invitation.changed", { invitationId: String(e.invitationId) })],
  "organization.updated": [(e) => publish([orgChannel(e.orgId)], "organization.updated", { orgId: String(e.orgId) })],
};
