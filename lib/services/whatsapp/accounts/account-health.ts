import { updateAccount } from "@/db/queries/whatsapp-accounts";
import type { Ctx } from "@/lib/api/context";
import { emit } from "@/lib/events/emit";
import { graphFor, raiseAlert } from "@/lib/services/whatsapp/accounts-core";
import { GRAPH_CODES, GraphError, isAuthProblem } from "@/lib/whatsapp/graph";
import { isNetworkError } from "./meta-errors";
import { accountColumns, isQualityDowngrade, readPhoneInfo, type PhoneInfo } from "./phone-info";
import { accountOr404 } from "./update-account";

const EMPTY: Omit<PhoneInfo, "throughputMps"> = {
  displayPhoneNumber: null,
  verifiedName: null,
  qualityRating: null,
  messagingLimitTier: null,
  throughputLevel: null,
  nameStatus: null,
  codeVerificationStatus: null,
  numberStatus: null,
  platformType: null,
};

/**
 * Live health from the Graph API. A refused token is a state of the account, not a failure of this request: the
 * answer is 200 with status ERROR, the account is marked, and the admins get an alert.
 */
export async function whatsappAccountHealth(ctx: Ctx, id: number) {
  const account = await accountOr404(ctx, id);
  const checkedAt = new Date();
  let info: PhoneInfo;
  try {
    info = readPhoneInfo(await graphFor(account).phoneNumber());
  } catch (e) {
    if (!(e instanceof GraphError) && !isNetworkError(e)) throw e;
    const error = e instanceof GraphError ? { code: e.code, message: e.message } : { code: 0, message: "The WhatsApp Business API could not be reached" };
    const auth = e instanceof GraphError && (isAuthProblem(e.code) || e.status === 401);
    await updateAccount(ctx.orgId, id, { lastHealthAt: checkedAt, lastError: error.message, ...(auth ? { status: "ERROR" as const } : {}) });
    if (auth) {
      const expired = error.code === GRAPH_CODES.TOKEN_EXPIRED;
      await raiseAlert(ctx.orgId, {
        accountId: id,
        type: expired ? "TOKEN_INVALID" : "PERMISSION_DENIED",
        severity: "critical",
        title: expired ? "Access token rejected" : "Permission denied",
        message: `Meta refused the access token of ${account.displayPhoneNumber ?? account.phoneNumberId}: ${error.message}`,
        metadata: { code: error.code },
      });
    }
    emit("whatsapp.account_updated", { orgId: ctx.orgId, accountId: id });
    return {
      accountId: String(id),
      status: "ERROR" as const,
      checkedAt: checkedAt.toISOString(),
      ...EMPTY,
      qualityRating: account.qualityRating,
      messagingLimitTier: account.messagingLimitTier,
      throughputMps: account.throughputMps,
      error,
    };
  }

  await updateAccount(ctx.orgId, id, { ...accountColumns(info), status: "CONNECTED", lastError: null, lastHealthAt: checkedAt });
  if (isQualityDowngrade(account.qualityRating, info.qualityRating)) {
    await raiseAlert(ctx.orgId, {
      accountId: id,
      type: "QUALITY_DOWNGRADE",
      title: "Quality rating dropped",
      message: `The quality rating of ${info.displayPhoneNumber ?? account.phoneNumberId} went from ${account.qualityRating} to ${info.qualityRating}.`,
      subject: info.qualityRating ?? undefined,
      metadata: { from: account.qualityRating, to: info.qualityRating },
    });
  }
  emit("whatsapp.account_updated", { orgId: ctx.orgId, accountId: id });
  return { accountId: String(id), status: "CONNECTED" as const, checkedAt: checkedAt.toISOString(), ...info, error: null };
}
