import { listDocuments, uploadDocument } from "@/lib/api/contracts/bot-knowledge";
import { route } from "@/lib/api/route";
import * as knowledge from "@/lib/services/bot/knowledge/documents";

export const GET = route(listDocuments, ({ ctx }) => knowledge.listKnowledgeDocuments(ctx));
export const POST = route(uploadDocument, ({ ctx, form }) => knowledge.uploadKnowledgeDocument(ctx, form));
