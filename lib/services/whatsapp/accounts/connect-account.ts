import { findAccountByPhoneNumberId, insertAccount } from "@/db/queries/whatsapp-accounts";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { encryptSecret } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";
import { emit } from "@/lib/events/emit";
import { log } from "@/lib/log";
import { audit } from "@/lib/services/audit";
import { exchangeSignupCode, graph } from "@/lib/whatsapp/graph";
import { accountDto } from "./dto";
import { metaCall } from "./meta-errors";
import { accountColumns, readPhoneInfo } from "./phone-info";
import { discoverSharedNumber, subscribeApp } from "./signup-discovery";

type Credentials = { wabaId: string; phoneNumberId: string; accessToken: string; alias?: string };

/** Reads the number with the token: proves the token works for it and tells us its name, quality and limits. */
export async function verifyCredentials(c: Omit<Credentials, "alias">) {
  const raw = await metaCall(() => graph({ ...c, isSandbox: false }).phoneNumber());
  return readPhoneInfo(raw);
}

async function assertNotConnected(phoneNumberId: string, orgId: number) {
  const existing = await findAccountByPhoneNumberId(phoneNumberId);
  if (!existing) return;
  throw errors.conflict(
    existing.orgId === orgId ? "This phone number is already connected" : "This phone number is connected to another organization",
    [{ path: "phoneNumberId", message: "is already connected" }],
  );
}

async function storeAccount(ctx: Ctx, c: Credentials, via: "manual" | "embedded_signup") {
  await assertNotConnected(c.phoneNumberId, ctx.orgId);
  const info = await verifyCredentials(c);
  const row = await insertAccount({
    orgId: ctx.orgId,
    wabaId: c.wabaId,
    phoneNumberId: c.phoneNumberId,
    alias: c.alias ?? null,
    accessTokenEncrypted: encryptSecret(c.accessToken),
    ...accountColumns(info),
    status: "CONNECTED",
    lastHealthAt: new Date(),
  });
  // Webhooks of a WABA reach us only once our app is subscribed to it; a token without that right still sends.
  await subscribeApp(c.wabaId, c.accessToken).catch((error: unknown) => log.warn("subscribing the app to the WABA failed", { wabaId: c.wabaId, error }));
  await audit(ctx, "whatsapp.account_connected", { type: "whatsapp_account", id: row.id }, { via, phoneNumberId: c.phoneNumberId });
  emit("whatsapp.account_updated", { orgId: ctx.orgId, accountId: row.id });
  return accountDto(row);
}

export async function connectManual(ctx: Ctx, input: Credentials) {
  return storeAccount(ctx, input, "manual");
}

/**
 * Embedded Signup: the popup hands the browser a short-lived code plus the shared WABA and number; the code becomes
 * a business token here (it needs the platform's Meta app secret, which never leaves the server).
 */
export async function connectEmbeddedSignup(ctx: Ctx, input: { code: string; wabaId?: string; phoneNumberId?: string; alias?: string }) {
  if (!env().META_APP_ID) throw errors.notConfigured("Embedded Signup (META_APP_ID)");
  const accessToken = await metaCall(() => exchangeSignupCode(input.code));
  const ids =
    input.wabaId && input.phoneNumberId
      ? { wabaId: input.wabaId, phoneNumberId: input.phoneNumberId }
      : await metaCall(() => discoverSharedNumber(accessToken, input));
  return storeAccount(ctx, { ...ids, accessToken, alias: input.alias }, "embedded_signup");
}
