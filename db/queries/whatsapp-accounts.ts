import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { whatsappAccounts } from "@/db/schema";

export type WhatsappAccountRow = typeof whatsappAccounts.$inferSelect;

const live = isNull(whatsappAccounts.deletedAt);

/** Webhook routing: phone_number_id is unique across the platform, so it names the organization. */
export async function findAccountByPhoneNumberId(phoneNumberId: string, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(whatsappAccounts)
    .where(and(eq(whatsappAccounts.phoneNumberId, phoneNumberId), live))
    .limit(1);
  return row;
}

export async function findAccount(orgId: number, id: number, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(whatsappAccounts)
    .where(and(eq(whatsappAccounts.orgId, orgId), eq(whatsappAccounts.id, id), live))
    .limit(1);
  return row;
}

export async function listAccounts(orgId: number, tx: Tx = getDb()) {
  return tx
    .select()
    .from(whatsappAccounts)
    .where(and(eq(whatsappAccounts.orgId, orgId), live))
    .orderBy(asc(whatsappAccounts.isSandbox), asc(whatsappAccounts.id));
}

export async function insertAccount(values: typeof whatsappAccounts.$inferInsert, tx: Tx = getDb()) {
  const [row] = await tx.insert(whatsappAccounts).values(values).returning();
  return row;
}

export async function updateAccount(orgId: number, id: number, values: Partial<typeof whatsappAccounts.$inferInsert>, tx: Tx = getDb()) {
  const [row] = await tx
    .update(whatsappAccounts)
    .set(values)
    .where(and(eq(whatsappAccounts.orgId, orgId), eq(whatsappAccounts.id, id)))
    .returning();
  return row;
}
