import { requestCode } from "@/lib/api/contracts/auth";
import { route } from "@/lib/api/route";
import { requestLoginCode } from "@/lib/services/auth/login-code";

export const POST = route(requestCode, ({ ctx, body }) => requestLoginCode(ctx, body));
