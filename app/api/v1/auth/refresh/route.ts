import { refresh } from "@/lib/api/contracts/auth";
import { route } from "@/lib/api/route";
import { refreshSession } from "@/lib/services/auth/session";

export const POST = route(refresh, ({ ctx, body }) => refreshSession(ctx, body.refreshToken));
