import { listContacts } from "@/lib/api/contracts/contacts";
import { route } from "@/lib/api/route";
import * as contacts from "@/lib/services/contacts/contacts";

export const GET = route(listContacts, ({ ctx, query }) => contacts.listContacts(ctx, query));
