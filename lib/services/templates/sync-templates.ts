import { getDb, type Tx } from "@/db/client";
import { insertTemplate, listLiveTemplates, removeTemplates, updateTemplate, type TemplateRow } from "@/db/queries/templates";
import { listAccounts, type WhatsappAccountRow } from "@/db/queries/whatsapp-accounts";
import type { Ctx } from "@/lib/api/context";
import type { TemplateComponent } from "@/db/schema";
import { metaCall } from "@/lib/services/whatsapp/accounts/meta-errors";
import { ensureSandboxAccount, graphFor } from "@/lib/services/whatsapp/accounts-core";
import { metaQualityScore, metaRejectedReason, metaTemplateCategory, metaTemplateStatus } from "./meta-map";
import { headerHandleOf, templateChanged } from "./shared";

/** Far more than any WABA holds (Meta caps them at 6,000 templates, 100 per page): a guard against a looping cursor. */
const MAX_PAGES = 100;

async function fetchAll(account: WhatsappAccountRow) {
  const client = graphFor(account);
  const out: Record<string, unknown>[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await metaCall(() => client.listTemplates(after));
    out.push(...(res.data ?? []));
    after = res.paging?.next ? res.paging.cursors?.after : undefined;
    if (!after) break;
  }
  return out;
}

/** One account per WABA (templates belong to the WABA, not to a number), preferring a connected one. */
function accountsByWaba(accounts: WhatsappAccountRow[]) {
  const byWaba = new Map<string, WhatsappAccountRow[]>();
  for (const a of accounts) byWaba.set(a.wabaId, [...(byWaba.get(a.wabaId) ?? []), a]);
  return [...byWaba.values()].map((group) => ({
    account: group.find((a) => a.status === "CONNECTED") ?? group[0],
    accountIds: new Set(group.map((a) => a.id)),
  }));
}

type Counts = { created: number; updated: number; removed: number };

function remoteValues(remote: Record<string, unknown>, accountId: number) {
  const components = (Array.isArray(remote.components) ? remote.components : []) as TemplateComponent[];
  return {
    metaTemplateId: String(remote.id),
    name: String(remote.name),
    language: String(remote.language),
    category: metaTemplateCategory(remote.category),
    status: metaTemplateStatus(remote.status),
    components,
    headerHandle: headerHandleOf(components),
    rejectedReason: metaRejectedReason(remote.rejected_reason),
    qualityScore: metaQualityScore(remote.quality_score),
    whatsappAccountId: accountId,
  };
}

/** JSON with object keys sorted: jsonb hands components back with its own key order. */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(",")}]`
    : v && typeof v === "object"
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(",")}}`
      : JSON.stringify(v ?? null);

const differs = (row: TemplateRow, v: ReturnType<typeof remoteValues>) => (Object.keys(v) as (keyof typeof v)[]).some((k) => canonical(row[k]) !== canonical(v[k]));

/** Upserts one WABA's templates by Meta id (adopting a local row of the same name and language) and removes the missing. */
async function applyWaba(orgId: number, remote: Record<string, unknown>[], waba: ReturnType<typeof accountsByWaba>[number], tx: Tx, changed: TemplateRow[], counts: Counts) {
  const local = await listLiveTemplates(orgId, tx);
  const byMetaId = new Map(local.filter((t) => t.metaTemplateId).map((t) => [t.metaTemplateId!, t]));
  const byName = new Map(local.map((t) => [`${t.name}|${t.language}`, t]));
  const seen = new Set<string>();
  for (const r of remote) {
    if (r.id === undefined || !r.name || !r.language) continue;
    const v = remoteValues(r, waba.account.id);
    seen.add(v.metaTemplateId);
    const existing = byMetaId.get(v.metaTemplateId) ?? byName.get(`${v.name}|${v.language}`);
    if (v.status === "REMOVED") {
      if (existing) {
        await removeTemplates(orgId, [existing.id], tx);
        changed.push({ ...existing, status: "REMOVED" });
        counts.removed++;
      }
      continue;
    }
    if (!existing) {
      changed.push(await insertTemplate({ orgId, ...v }, tx));
      counts.created++;
    } else if (differs(existing, v)) {
      changed.push(await updateTemplate(orgId, existing.id, v, tx));
      counts.updated++;
    }
  }
  // The sandbox's simulator keeps its templates in memory and forgets them when the app restarts: its silence about a
  // template does not mean the template is gone.
  if (waba.account.isSandbox) return;
  const missing = local.filter(
    (t) => t.metaTemplateId && t.whatsappAccountId !== null && waba.accountIds.has(t.whatsappAccountId) && t.status !== "DRAFT" && !seen.has(t.metaTemplateId),
  );
  const removed = await removeTemplates(orgId, missing.map((t) => t.id), tx);
  counts.removed += removed.length;
  changed.push(...missing.map((t) => ({ ...t, status: "REMOVED" as const })));
}

/**
 * Pulls every template of the org's WABAs and makes our copy match: Meta is the source of truth for everything but
 * drafts. All pages are fetched before anything is written, so a failed page changes nothing.
 */
export async function syncTemplates(ctx: Ctx) {
  let accounts = await listAccounts(ctx.orgId);
  if (!accounts.length) accounts = [await ensureSandboxAccount(ctx.orgId, ctx.org.name)];
  const wabas = accountsByWaba(accounts);
  const fetched = await Promise.all(wabas.map((w) => fetchAll(w.account)));
  const counts: Counts = { created: 0, updated: 0, removed: 0 };
  const changed: TemplateRow[] = [];
  await getDb().transaction(async (tx) => {
    for (const [i, waba] of wabas.entries()) await applyWaba(ctx.orgId, fetched[i], waba, tx, changed, counts);
  });
  for (const t of changed) templateChanged(t);
  return { accounts: wabas.length, fetched: fetched.reduce((n, list) => n + list.length, 0), ...counts };
}
