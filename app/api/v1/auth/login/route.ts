import { login } from "@/lib/api/contracts/auth";
import { route } from "@/lib/api/route";
import { loginWithPassword } from "@/lib/services/auth/login";

export const POST = route(login, ({ ctx, body }) => loginWithPassword(ctx, body));
