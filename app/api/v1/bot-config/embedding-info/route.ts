import { embeddingInfo } from "@/lib/api/contracts/bot-knowledge";
import { route } from "@/lib/api/route";
import * as knowledge from "@/lib/services/bot/knowledge/documents";

export const GET = route(embeddingInfo, ({ ctx }) => knowledge.embeddingInfo(ctx));
