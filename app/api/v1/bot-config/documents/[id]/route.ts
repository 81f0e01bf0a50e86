import { deleteDocument } from "@/lib/api/contracts/bot-knowledge";
import { route } from "@/lib/api/route";
import * as knowledge from "@/lib/services/bot/knowledge/documents";

export const DELETE = route(deleteDocument, ({ ctx, params }) => knowledge.deleteKnowledgeDocument(ctx, params.id));
