import type { ContactRow } from "@/db/queries/contacts-api";

export function contactDto(c: ContactRow) {
  return {
    id: String(c.id),
    waId: c.waId,
    displayName: c.name ?? c.profileName ?? `+${c.waId}`,
    name: c.name,
    profileName: c.profileName,
    email: c.email,
    category: c.category,
    attributes: c.attributes ?? {},
    lastMessageAt: c.lastMessageAt?.toISOString() ?? null,
    isSimulated: c.isSimulated,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
