import { getContact, updateContact } from "@/lib/api/contracts/contacts";
import { route } from "@/lib/api/route";
import * as contacts from "@/lib/services/contacts/contacts";

export const GET = route(getContact, ({ ctx, params }) => contacts.getContact(ctx, params.waId));
export const PATCH = route(updateContact, ({ ctx, params, body }) => contacts.updateContact(ctx, params.waId, body));
