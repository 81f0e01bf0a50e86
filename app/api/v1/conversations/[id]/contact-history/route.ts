import { contactHistory } from "@/lib/api/contracts/conversations";
import { route } from "@/lib/api/route";
import * as history from "@/lib/services/conversations/contact-history";

export const GET = route(contactHistory, ({ ctx, params }) => history.contactHistory(ctx, params.id));
