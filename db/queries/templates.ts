import { and, asc, count, eq, ilike, inArray, isNotNull, isNull, like, ne, notInArray, or, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { templates } from "@/db/schema";

export type TemplateRow = typeof templates.$inferSelect;
export type TemplateStatus = TemplateRow["status"];
export type TemplateCategory = TemplateRow["category"];

export type TemplateFilter = { status?: TemplateStatus; category?: TemplateCategory; language?: string; search?: string };

const live = isNull(templates.deletedAt);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Removed templates are only listed when asked for by status; everything else lists live templates. */
function filterWhere(orgId: number, f: TemplateFilter): SQL | undefined {
  return and(
    eq(templates.orgId, orgId),
    f.status === "REMOVED" ? or(isNotNull(templates.deletedAt), eq(templates.status, "REMOVED")) : and(live, f.status ? eq(templates.status, f.status) : ne(templates.status, "REMOVED")),
    f.category ? eq(templates.category, f.category) : undefined,
    f.language ? eq(templates.language, f.language) : undefined,
    f.search ? ilike(templates.name, `%${escapeLike(f.search)}%`) : undefined,
  );
}

const order = [asc(templates.name), asc(templates.language), asc(templates.id)];

export async function listTemplates(orgId: number, f: TemplateFilter, page: { limit: number; offset: number }) {
  const where = filterWhere(orgId, f);
  const [rows, [{ total }]] = await Promise.all([
    getDb()
      .select()
      .from(templates)
      .where(where)
      .orderBy(...order)
      .limit(page.limit)
      .offset(page.offset),
    getDb().select({ total: count() }).from(templates).where(where),
  ]);
  return { rows, total };
}

export async function listTemplatesMatching(orgId: number, f: TemplateFilter & { excludeIds?: number[] }, tx: Tx = getDb()) {
  return tx
    .select()
    .from(templates)
    .where(and(filterWhere(orgId, f), f.excludeIds?.length ? notInArray(templates.id, f.excludeIds) : undefined))
    .orderBy(...order);
}

export async function listTemplatesByIds(orgId: number, ids: number[], tx: Tx = getDb()) {
  if (!ids.length) return [];
  return tx
    .select()
    .from(templates)
    .where(and(eq(templates.orgId, orgId), inArray(templates.id, ids), live))
    .orderBy(...order);
}

export async function findTemplate(orgId: number, id: number, tx: Tx = getDb(), opts: { lock?: boolean } = {}) {
  const q = tx
    .select()
    .from(templates)
    .where(and(eq(templates.orgId, orgId), eq(templates.id, id), live))
    .limit(1);
  const [row] = opts.lock ? await q.for("update") : await q;
  return row;
}

export async function findTemplateByName(orgId: number, name: string, language: string, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(templates)
    .where(and(eq(templates.orgId, orgId), eq(templates.name, name), eq(templates.language, language), live))
    .limit(1);
  return row;
}

/** Live names of the org that start with `prefix` (to pick a free "<name>_copy_N"). */
export async function templateNamesLike(orgId: number, prefix: string, language: string, tx: Tx = getDb()) {
  const rows = await tx
    .select({ name: templates.name })
    .from(templates)
    .where(and(eq(templates.orgId, orgId), eq(templates.language, language), like(templates.name, `${escapeLike(prefix)}%`), live));
  return new Set(rows.map((r) => r.name));
}

/** Every live template of the org (what a sync compares Meta's list with). */
export async function listLiveTemplates(orgId: number, tx: Tx = getDb()) {
  return tx
    .select()
    .from(templates)
    .where(and(eq(templates.orgId, orgId), live));
}

export async function insertTemplate(values: typeof templates.$inferInsert, tx: Tx = getDb()) {
  const [row] = await tx.insert(templates).values(values).returning();
  return row;
}

export async function updateTemplate(orgId: number, id: number, values: Partial<typeof templates.$inferInsert>, tx: Tx = getDb()) {
  const [row] = await tx
    .update(templates)
    .set(values)
    .where(and(eq(templates.orgId, orgId), eq(templates.id, id)))
    .returning();
  return row;
}

export async function removeTemplates(orgId: number, ids: number[], tx: Tx = getDb()) {
  if (!ids.length) return [];
  return tx
    .update(templates)
    .set({ status: "REMOVED", deletedAt: new Date() })
    .where(and(eq(templates.orgId, orgId), inArray(templates.id, ids), live))
    .returning({ id: templates.id });
}
