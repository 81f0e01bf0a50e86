import { listAccounts } from "@/db/queries/whatsapp-accounts";
import type { Ctx } from "@/lib/api/context";
import { ensureSandboxAccount } from "@/lib/services/whatsapp/accounts-core";
import { accountDto } from "./dto";

/** The org's numbers; an org without a connected real number gets its sandbox number on first sight. */
export async function listWhatsappAccounts(ctx: Ctx) {
  let rows = await listAccounts(ctx.orgId);
  if (!rows.some((a) => !a.isSandbox && a.status === "CONNECTED") && !rows.some((a) => a.isSandbox)) {
    await ensureSandboxAccount(ctx.orgId, ctx.org.name);
    rows = await listAccounts(ctx.orgId);
  }
  return { data: rows.map(accountDto) };
}
