import { documentStatus } from "@/lib/api/contracts/bot-knowledge";
import { route } from "@/lib/api/route";
import * as knowledge from "@/lib/services/bot/knowledge/documents";

export const GET = route(documentStatus, ({ ctx, params }) => knowledge.documentStatus(ctx, params.id));
