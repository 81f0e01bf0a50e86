import { register } from "@/lib/api/contracts/auth";
import { route } from "@/lib/api/route";
import { registerOrganization } from "@/lib/services/auth/register";

export const POST = route(register, ({ ctx, body }) => registerOrganization(ctx, body));
