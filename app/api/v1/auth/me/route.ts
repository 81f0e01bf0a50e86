import { me } from "@/lib/api/contracts/auth";
import { route } from "@/lib/api/route";
import { getMe } from "@/lib/services/auth/me";

export const GET = route(me, ({ ctx }) => getMe(ctx));
