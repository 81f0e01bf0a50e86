import { setPassword } from "@/lib/api/contracts/auth";
import { route } from "@/lib/api/route";
import { setPassword as setOwnPassword } from "@/lib/services/auth/set-password";

export const POST = route(setPassword, ({ ctx, body }) => setOwnPassword(ctx, body));
