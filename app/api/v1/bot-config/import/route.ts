import { importConfig } from "@/lib/api/contracts/bot-library";
import { route } from "@/lib/api/route";
import { importUpload } from "@/lib/services/bot/export";

export const POST = route(importConfig, ({ ctx, form }) => importUpload(ctx, form));
