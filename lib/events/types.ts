/** Domain events emitted by services. Payloads are small: ids and what changed. */
export type DomainEvents = {
  "user.presence_changed": { orgId: number; userId: number; status: string };
  "user.updated": { orgId: number; userId: number };
  "user.deleted": { orgId: number; userId: number };
  "invitation.changed": { orgId: number; invitationId: number };
  "organization.updated": { orgId: number };
};
export type EventName = keyof DomainEvents;
export type Listener<E extends EventName> = (payload: DomainEvents[E]) => Promise<void> | void;
