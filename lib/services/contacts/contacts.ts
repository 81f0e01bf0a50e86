import { findContactByWaId, listContactsPage, updateContactByWaId, type ContactCursor } from "@/db/queries/contacts-api";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { contactDto } from "./dto";

const encodeCursor = (c: ContactCursor) => Buffer.from(JSON.stringify([c.at, c.id])).toString("base64url");

function decodeCursor(cursor: string): ContactCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof at === "string" && !Number.isNaN(Date.parse(at)) && Number.isSafeInteger(id)) return { at, id: id as number };
  } catch {
    // fall through
  }
  throw errors.validation("Invalid cursor", [{ path: "query.cursor", message: "is not a cursor this API returned" }]);
}

export async function listContacts(ctx: Ctx, q: { search?: string; cursor?: string; limit: number }) {
  const rows = await listContactsPage(ctx.orgId, { search: q.search || undefined, after: q.cursor ? decodeCursor(q.cursor) : undefined, limit: q.limit });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => contactDto(r.contact)),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.at, id: last.contact.id }) : null,
  };
}

export async function getContact(ctx: Ctx, waId: string) {
  const contact = await findContactByWaId(ctx.orgId, waId);
  if (!contact) throw errors.notFound("Contact");
  return contactDto(contact);
}

export async function updateContact(ctx: Ctx, waId: string, input: { name?: string | null; category?: string | null }) {
  const contact = await updateContactByWaId(ctx.orgId, waId, input);
  if (!contact) throw errors.notFound("Contact");
  emit("contact.updated", { orgId: ctx.orgId, contactId: contact.id });
  return contactDto(contact);
}
