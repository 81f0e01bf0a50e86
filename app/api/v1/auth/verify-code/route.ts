import { verifyCode } from "@/lib/api/contracts/auth";
import { route } from "@/lib/api/route";
import { loginWithCode } from "@/lib/services/auth/login-code";

export const POST = route(verifyCode, ({ ctx, body }) => loginWithCode(ctx, body));
