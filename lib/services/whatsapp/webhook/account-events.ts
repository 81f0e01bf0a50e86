import { findAccountsByWabaId, updateTemplateFromMeta, type TemplateRow } from "@/db/queries/webhook-events";
import { updateAccount, type WhatsappAccountRow } from "@/db/queries/whatsapp-accounts";
import { emit } from "@/lib/events/emit";
import { log } from "@/lib/log";
import { raiseAlert } from "@/lib/services/whatsapp/accounts-core";

/** Meta's template events in our template statuses; FLAGGED (quality warning) and unknown events change no status. */
const TEMPLATE_STATUS: Record<string, TemplateRow["status"]> = {
  APPROVED: "APPROVED",
  REINSTATED: "APPROVED",
  PENDING: "PENDING",
  IN_APPEAL: "PENDING",
  REJECTED: "REJECTED",
  PAUSED: "PAUSED",
  DISABLED: "DISABLED",
  PENDING_DELETION: "REMOVED",
  DELETED: "REMOVED",
};

const TEMPLATE_ALERTS: Record<string, { severity: "warning" | "critical"; title: string }> = {
  REJECTED: { severity: "warning", title: "Template rejected" },
  PAUSED: { severity: "warning", title: "Template paused" },
  DISABLED: { severity: "critical", title: "Template disabled" },
  FLAGGED: { severity: "warning", title: "Template flagged for low quality" },
};

const orgsOf = (accounts: WhatsappAccountRow[]) => [...new Set(accounts.map((a) => a.orgId))];
/** The account an org's alert names: the only number of that org in the WABA, else none in particular. */
const accountOf = (accounts: WhatsappAccountRow[], orgId: number) => {
  const mine = accounts.filter((a) => a.orgId === orgId);
  return mine.length === 1 ? mine[0].id : null;
};

type TemplateEvent = { message_template_id: number | string; message_template_name: string; message_template_language: string };
const matchOf = (v: TemplateEvent) => ({ metaTemplateId: String(v.message_template_id), name: v.message_template_name, language: v.message_template_language });

/** Returns the organizations the event was routed to (none: no number of ours belongs to this WABA). */
export async function templateStatusUpdate(wabaId: string, v: TemplateEvent & { event: string; reason?: string | null }): Promise<number[]> {
  const accounts = await findAccountsByWabaId(wabaId);
  const orgIds = orgsOf(accounts);
  if (!orgIds.length) return [];
  const status = TEMPLATE_STATUS[v.event];
  const reason = v.reason && v.reason !== "NONE" ? v.reason : null;
  const changed = status ? await updateTemplateFromMeta(orgIds, matchOf(v), { status, rejectedReason: status === "REJECTED" ? reason : null }) : [];
  for (const t of changed) emit("template.updated", { orgId: t.orgId, templateId: t.id, status: t.status });

  const alert = TEMPLATE_ALERTS[v.event];
  // A status that did not change (a repeated webhook) raises nothing again; FLAGGED changes no status, so it always may.
  const alertOrgs = status ? [...new Set(changed.map((t) => t.orgId))] : alert ? orgIds : [];
  if (alert) {
    for (const orgId of alertOrgs) {
      await raiseAlert(orgId, {
        accountId: accountOf(accounts, orgId),
        type: `TEMPLATE_${v.event}`,
        severity: alert.severity,
        title: alert.title,
        message: `${v.message_template_name} (${v.message_template_language})${reason ? `: ${reason}` : ""}`,
        subject: String(v.message_template_id),
        metadata: { templateName: v.message_template_name, language: v.message_template_language, reason },
      });
    }
  }
  return orgIds;
}

export async function templateQualityUpdate(wabaId: string, v: TemplateEvent & { new_quality_score: string; previous_quality_score?: string }): Promise<number[]> {
  const accounts = await findAccountsByWabaId(wabaId);
  const orgIds = orgsOf(accounts);
  const changed = await updateTemplateFromMeta(orgIds, matchOf(v), { qualityScore: v.new_quality_score });
  for (const t of changed) {
    emit("template.updated", { orgId: t.orgId, templateId: t.id, status: t.status });
    if (v.new_quality_score === "RED") {
      await raiseAlert(t.orgId, {
        accountId: accountOf(accounts, t.orgId),
        type: "TEMPLATE_QUALITY_LOW",
        title: "Template quality is low",
        message: `${t.name} (${t.language}) dropped to quality ${v.new_quality_score}; Meta may pause it.`,
        subject: String(v.message_template_id),
        metadata: { previous: v.previous_quality_score ?? null, current: v.new_quality_score },
      });
    }
  }
  return orgIds;
}

const digits = (s: string | null | undefined) => (s ?? "").replace(/\D/g, "");

export async function phoneNumberQualityUpdate(wabaId: string, v: { display_phone_number: string; event: string; current_limit?: string }): Promise<number[]> {
  const all = await findAccountsByWabaId(wabaId);
  const exact = all.filter((a) => digits(a.displayPhoneNumber) === digits(v.display_phone_number));
  const accounts = exact.length ? exact : all;
  const bad = v.event === "DOWNGRADE" || v.event === "FLAGGED";
  for (const account of accounts) {
    if (v.current_limit && v.current_limit !== account.messagingLimitTier) {
      await updateAccount(account.orgId, account.id, { messagingLimitTier: v.current_limit });
      emit("whatsapp.account_updated", { orgId: account.orgId, accountId: account.id });
    }
    await raiseAlert(account.orgId, {
      accountId: account.id,
      type: bad ? "QUALITY_DOWNGRADE" : "QUALITY_UPDATE",
      severity: bad ? "warning" : "info",
      title: bad ? "Phone number quality dropped" : "Phone number quality changed",
      message: `${v.display_phone_number}: ${v.event}${v.current_limit ? ` (messaging limit ${v.current_limit})` : ""}`,
      subject: `${v.event}:${v.current_limit ?? ""}`,
      metadata: { event: v.event, currentLimit: v.current_limit ?? null },
    });
  }
  return orgsOf(accounts);
}

type MetaAlert = { entity_type?: string; entity_id?: string; alert_info?: { alert_severity?: string; alert_status?: string; alert_type?: string; alert_description?: string } };
const SEVERITY: Record<string, "info" | "warning" | "critical"> = { CRITICAL: "critical", WARNING: "warning", INFORMATIONAL: "info" };

/** Meta's own account alerts (policy, limits, …) relayed to the organizations that own the WABA. */
export async function metaAccountAlert(wabaId: string, v: MetaAlert): Promise<number[]> {
  const accounts = await findAccountsByWabaId(wabaId);
  const info = v.alert_info ?? {};
  const type = info.alert_type ?? "META_ALERT";
  for (const orgId of orgsOf(accounts)) {
    const named = accounts.find((a) => a.orgId === orgId && v.entity_id && a.phoneNumberId === v.entity_id);
    await raiseAlert(orgId, {
      accountId: named?.id ?? accountOf(accounts, orgId),
      type,
      severity: SEVERITY[info.alert_severity ?? ""] ?? "warning",
      title: type
        .toLowerCase()
        .replace(/_/g, " ")
        .replace(/^./, (c) => c.toUpperCase()),
      message: info.alert_description ?? "Meta raised an alert on this WhatsApp Business Account",
      subject: v.entity_id ?? wabaId,
      metadata: { ...v },
    });
  }
  return orgsOf(accounts);
}

/** Fields we route to a handler; anything else Meta may add is acknowledged and logged. */
export const ACCOUNT_EVENT_HANDLERS: Record<string, (wabaId: string, value: never) => Promise<number[]>> = {
  message_template_status_update: templateStatusUpdate,
  message_template_quality_update: templateQualityUpdate,
  phone_number_quality_update: phoneNumberQualityUpdate,
  account_alerts: metaAccountAlert,
};

export function ignoredField(field: string) {
  log.debug("whatsapp webhook field ignored", { field });
}
