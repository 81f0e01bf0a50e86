import { getDb, type Tx } from "@/db/client";
import { contacts } from "@/db/schema";
import { upsertInboundContacts } from "./inbound-batch";

export type ContactRow = typeof contacts.$inferSelect;

export type ContactUpsert = {
  orgId: number;
  waId: string;
  /** WhatsApp profile name from the webhook; null keeps what we had. */
  profileName?: string | null;
  /** Only applies when the contact is created (a real customer never becomes simulated). */
  isSimulated?: boolean;
  lastMessageAt?: Date;
};
export type UpsertedContact = { contact: ContactRow; changed: boolean };

/** Creates the contact of (org, wa_id) or refreshes its profile name and last activity. */
export async function upsertContact(input: ContactUpsert, tx: Tx = getDb()): Promise<UpsertedContact> {
  const { orgId, isSimulated, ...one } = input;
  return (await upsertInboundContacts(tx, { orgId, isSimulated, contacts: [one] })).get(input.waId)!;
}
