import { documentChunks } from "@/lib/api/contracts/bot-knowledge";
import { route } from "@/lib/api/route";
import * as knowledge from "@/lib/services/bot/knowledge/documents";

export const GET = route(documentChunks, ({ ctx, params, query }) => knowledge.documentChunks(ctx, params.id, query.page, query.limit));
