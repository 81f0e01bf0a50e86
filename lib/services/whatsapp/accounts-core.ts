import { randomInt } from "node:crypto";
import { findOpenAlert, insertAlert } from "@/db/queries/alerts";
import { findAccount, insertAccount, listAccounts, type WhatsappAccountRow } from "@/db/queries/whatsapp-accounts";
import { errors } from "@/lib/api/errors";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secrets";
import { randomToken } from "@/lib/crypto/tokens";
import { emit } from "@/lib/events/emit";
import { graph } from "@/lib/whatsapp/graph";

/** The Graph client of an account, with its token decrypted only for the call. */
export function graphFor(account: WhatsappAccountRow) {
  return graph({
    phoneNumberId: account.phoneNumberId,
    wabaId: account.wabaId,
    accessToken: decryptSecret(account.accessTokenEncrypted),
    isSandbox: account.isSandbox,
  });
}

/**
 * Every organization without a connected number gets a sandbox number: a real account row whose Graph calls go to
 * the built-in simulator, so the whole pipeline runs with nothing configured.
 */
export async function ensureSandboxAccount(orgId: number, orgName?: string): Promise<WhatsappAccountRow> {
  const existing = await listAccounts(orgId);
  const sandbox = existing.find((a) => a.isSandbox);
  if (sandbox) return sandbox;
  const digits = String(randomInt(1_000_000, 9_999_999));
  try {
    return await insertAccount({
      orgId,
      wabaId: `sandbox-waba-${orgId}`,
      phoneNumberId: `sandbox-${orgId}-${randomToken(4).replace(/[^a-zA-Z0-9]/g, "x")}`,
      displayPhoneNumber: `+1 555 ${digits.slice(0, 3)} ${digits.slice(3)}`,
      verifiedName: orgName ?? "Sandbox",
      alias: "Sandbox",
      accessTokenEncrypted: encryptSecret(`sandbox-${randomToken(24)}`),
      isSandbox: true,
      messagingLimitTier: "TIER_UNLIMITED",
      qualityRating: "GREEN",
    });
  } catch (e) {
    // Two first requests at once: the other one created it.
    const again = (await listAccounts(orgId)).find((a) => a.isSandbox);
    if (again) return again;
    throw e;
  }
}

/** The number that sends when nothing more specific is asked for: the first connected real number, else the sandbox. */
export async function defaultSendingAccount(orgId: number): Promise<WhatsappAccountRow> {
  const accounts = await listAccounts(orgId);
  return accounts.find((a) => !a.isSandbox && a.status === "CONNECTED") ?? (await ensureSandboxAccount(orgId));
}

export async function accountOrDefault(orgId: number, accountId: number | null | undefined) {
  if (!accountId) return defaultSendingAccount(orgId);
  const account = await findAccount(orgId, accountId);
  if (!account) throw errors.notFound("WhatsApp account");
  return account;
}

export type AlertInput = {
  accountId: number | null;
  /** e.g. TOKEN_INVALID, PERMISSION_DENIED, QUALITY_DOWNGRADE, TEMPLATE_REJECTED, TEMPLATE_PAUSED */
  type: string;
  severity?: "info" | "warning" | "critical";
  title: string;
  message: string;
  /** What the alert is about beyond the account (a template id, a phone number…): one open alert per subject. */
  subject?: string;
  metadata?: Record<string, unknown>;
};

/**
 * Raises an account alert for the org's admins. While an alert of the same kind, account and subject is still
 * unacknowledged, the same problem seen again (every failed send, every health check) does not add another one.
 */
export async function raiseAlert(orgId: number, input: AlertInput) {
  const subject = input.subject ?? null;
  const open = await findOpenAlert(orgId, input.accountId, input.type, subject);
  if (open) return open;
  const alert = await insertAlert({
    orgId,
    whatsappAccountId: input.accountId,
    type: input.type,
    severity: input.severity ?? "warning",
    title: input.title,
    message: input.message,
    metadata: { ...input.metadata, ...(subject === null ? {} : { subject }) },
  });
  emit("whatsapp.alert", { orgId, alertId: alert.id, type: alert.type });
  return alert;
}
