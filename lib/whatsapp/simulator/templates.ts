import type { SimContext } from "./context";
import { fail, invalidParam, json } from "./http";
import { templateStatusPayload } from "./payloads";
import { graphId, type SimTemplate } from "./state";

const CATEGORIES = new Set(["MARKETING", "UTILITY", "AUTHENTICATION"]);
const FIELDS = ["id", "name", "language", "status", "category", "components", "quality_score", "rejected_reason"] as const;

function view(t: SimTemplate, fields?: string[]) {
  const all: Record<string, unknown> = {
    id: t.id,
    name: t.name,
    language: t.language,
    status: t.status,
    category: t.category,
    components: t.components,
    quality_score: { score: t.qualityScore, date: Math.floor(Date.now() / 1000) },
    rejected_reason: t.rejectedReason ?? "NONE",
  };
  const wanted: readonly string[] = fields?.length ? fields : FIELDS;
  return Object.fromEntries(Object.entries(all).filter(([k]) => k === "id" || wanted.includes(k)));
}

/**
 * After review, Meta tells the WABA's webhook: APPROVED, or REJECTED for names containing "reject" (so the product's
 * rejection path can be exercised on purpose).
 */
function scheduleReview(ctx: SimContext, t: SimTemplate) {
  const rejected = t.name.includes("reject");
  ctx.deliverer.schedule([
    {
      at: ctx.delays.template,
      payload: () => {
        t.status = rejected ? "REJECTED" : "APPROVED";
        t.rejectedReason = rejected ? "INVALID_FORMAT" : null;
        return templateStatusPayload({ wabaId: t.wabaId, templateId: t.id, name: t.name, language: t.language, event: t.status, reason: t.rejectedReason });
      },
    },
  ]);
}

/** GET /{waba-id}/message_templates?fields&limit&after&name&status → {data, paging}. */
export function listTemplates(ctx: SimContext, wabaId: string, url: URL) {
  const q = url.searchParams;
  const limit = Math.min(Math.max(Number(q.get("limit")) || 25, 1), 1000);
  const offset = q.get("after") ? Number(Buffer.from(q.get("after")!, "base64url").toString()) || 0 : 0;
  const fields = q.get("fields")?.split(",").map((f) => f.trim());
  const all = ctx.state
    .templatesOf(wabaId)
    .filter((t) => (!q.get("name") || t.name.includes(q.get("name")!)) && (!q.get("status") || t.status === q.get("status")));
  const page = all.slice(offset, offset + limit);
  const cursor = (n: number) => Buffer.from(String(n)).toString("base64url");
  const more = offset + limit < all.length;
  return json({
    data: page.map((t) => view(t, fields)),
    paging: {
      cursors: { before: cursor(offset), after: cursor(offset + page.length) },
      ...(more ? { next: `${ctx.publicUrl}/${wabaId}/message_templates?limit=${limit}&after=${cursor(offset + limit)}` } : {}),
    },
  });
}

/** POST /{waba-id}/message_templates {name, language, category, components} → {id, status: "PENDING", category}. */
export function createTemplate(ctx: SimContext, wabaId: string, body: Record<string, unknown>) {
  const { name, language, category, components } = body;
  if (typeof name !== "string" || !/^[a-z0-9_]{1,512}$/.test(name)) throw invalidParam("name must be lowercase letters, digits and underscores");
  if (typeof language !== "string" || !language) throw invalidParam("language is required", "(#100) The parameter language is required.");
  if (typeof category !== "string" || !CATEGORIES.has(category)) throw invalidParam(`category must be one of ${[...CATEGORIES].join(", ")}`);
  if (!Array.isArray(components) || !components.some((c) => (c as { type?: string })?.type?.toUpperCase() === "BODY")) {
    throw invalidParam("components must include a BODY component");
  }
  if (ctx.state.templatesOf(wabaId).some((t) => t.name === name && t.language === language)) {
    throw fail(100, "Invalid parameter", {
      subcode: 2388024,
      details: `Content in this language already exists: ${name} (${language}) has already been submitted.`,
    });
  }
  const t: SimTemplate = { id: graphId(), wabaId, name, language, category, status: "PENDING", components, rejectedReason: null, qualityScore: "UNKNOWN" };
  ctx.state.templates.set(t.id, t);
  scheduleReview(ctx, t);
  return json({ id: t.id, status: t.status, category: t.category });
}

/** POST /{template-id} {components, category?}: an edit goes back to review. */
export function editTemplate(ctx: SimContext, t: SimTemplate, body: Record<string, unknown>) {
  if (!Array.isArray(body.components) && body.category === undefined) throw invalidParam("components or category is required");
  if (body.category !== undefined && (typeof body.category !== "string" || !CATEGORIES.has(body.category))) {
    throw invalidParam(`category must be one of ${[...CATEGORIES].join(", ")}`);
  }
  if (Array.isArray(body.components)) t.components = body.components;
  if (typeof body.category === "string") t.category = body.category;
  t.status = "PENDING";
  scheduleReview(ctx, t);
  return json({ success: true });
}

/** DELETE /{waba-id}/message_templates?name=…[&hsm_id=…]: every language of the name, or just that id. */
export function deleteTemplates(ctx: SimContext, wabaId: string, url: URL) {
  const name = url.searchParams.get("name");
  const hsmId = url.searchParams.get("hsm_id");
  if (!name) throw invalidParam("name is required", "(#100) The parameter name is required.");
  const doomed = ctx.state.templatesOf(wabaId).filter((t) => t.name === name && (!hsmId || t.id === hsmId));
  if (!doomed.length) throw fail(100, "Invalid parameter", { subcode: 2593002, details: `Message template "${name}" was not found` });
  for (const t of doomed) ctx.state.templates.delete(t.id);
  return json({ success: true });
}

export const templateView = (t: SimTemplate, url: URL) => json(view(t, url.searchParams.get("fields")?.split(",")));
