import { findAccount, updateAccount, type WhatsappAccountRow } from "@/db/queries/whatsapp-accounts";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { encryptSecret } from "@/lib/crypto/secrets";
import { emit } from "@/lib/events/emit";
import { audit } from "@/lib/services/audit";
import { verifyCredentials } from "./connect-account";
import { accountDto } from "./dto";
import { accountColumns } from "./phone-info";

export async function accountOr404(ctx: Ctx, id: number): Promise<WhatsappAccountRow> {
  const account = await findAccount(ctx.orgId, id);
  if (!account) throw errors.notFound("WhatsApp account");
  return account;
}

const sandboxRefused = (what: string) => errors.rule("SANDBOX_ACCOUNT", `The sandbox number ${what}`);

export async function updateWhatsappAccount(ctx: Ctx, id: number, input: { alias?: string | null; accessToken?: string }) {
  const account = await accountOr404(ctx, id);
  const values: Partial<WhatsappAccountRow> = {};
  if (input.alias !== undefined) values.alias = input.alias;
  if (input.accessToken !== undefined) {
    if (account.isSandbox) throw sandboxRefused("has no token to replace");
    const info = await verifyCredentials({ wabaId: account.wabaId, phoneNumberId: account.phoneNumberId, accessToken: input.accessToken });
    Object.assign(values, accountColumns(info), {
      accessTokenEncrypted: encryptSecret(input.accessToken),
      status: "CONNECTED",
      lastError: null,
      lastHealthAt: new Date(),
    });
  }
  const row = await updateAccount(ctx.orgId, id, values);
  await audit(ctx, "whatsapp.account_updated", { type: "whatsapp_account", id }, { fields: Object.keys(input) });
  emit("whatsapp.account_updated", { orgId: ctx.orgId, accountId: id });
  return accountDto(row);
}

/** Soft delete: the row stays for the messages and templates that name it, but it no longer routes or sends. */
export async function deleteWhatsappAccount(ctx: Ctx, id: number) {
  const account = await accountOr404(ctx, id);
  if (account.isSandbox) throw sandboxRefused("cannot be disconnected");
  await updateAccount(ctx.orgId, id, { deletedAt: new Date(), status: "DISCONNECTED" });
  await audit(ctx, "whatsapp.account_disconnected", { type: "whatsapp_account", id }, { phoneNumberId: account.phoneNumberId });
  emit("whatsapp.account_updated", { orgId: ctx.orgId, accountId: id });
}
