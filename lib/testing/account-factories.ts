import { randomInt } from "node:crypto";
import { getDb } from "@/db/client";
import { accountAlerts, templates, whatsappAccounts } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto/secrets";

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");

/** A connected real (non-sandbox) number of the org, with a known plain token. */
export async function createWhatsappAccount(org: { id: number }, values: Partial<typeof whatsappAccounts.$inferInsert> & { token?: string } = {}) {
  const { token, ...rest } = values;
  const [row] = await getDb()
    .insert(whatsappAccounts)
    .values({
      orgId: org.id,
      wabaId: `1${digits(14)}`,
      phoneNumberId: `1${digits(14)}`,
      displayPhoneNumber: "+52 55 1234 5678",
      verifiedName: "Test Business",
      accessTokenEncrypted: encryptSecret(token ?? `EAAG${digits(40)}`),
      qualityRating: "GREEN",
      ...rest,
    })
    .returning();
  return row;
}

export async function createTemplateRow(org: { id: number }, values: Partial<typeof templates.$inferInsert> = {}) {
  const [row] = await getDb()
    .insert(templates)
    .values({
      orgId: org.id,
      name: `tpl_${digits(8)}`,
      language: "es_MX",
      category: "UTILITY",
      status: "APPROVED",
      metaTemplateId: digits(15),
      components: [{ type: "BODY", text: "Hola {{1}}, gracias por escribir.", example: { body_text: [["Ana"]] } }],
      ...values,
    })
    .returning();
  return row;
}

export async function createAlert(org: { id: number }, values: Partial<typeof accountAlerts.$inferInsert> = {}) {
  const [row] = await getDb()
    .insert(accountAlerts)
    .values({ orgId: org.id, type: "TOKEN_INVALID", severity: "critical", title: "Access token rejected", message: "Meta refused the token", ...values })
    .returning();
  return row;
}
