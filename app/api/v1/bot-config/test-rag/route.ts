import { testRag } from "@/lib/api/contracts/bot-knowledge";
import { route } from "@/lib/api/route";
import * as knowledge from "@/lib/services/bot/knowledge/documents";

export const POST = route(testRag, ({ ctx, body }) => knowledge.testRag(ctx, body));
