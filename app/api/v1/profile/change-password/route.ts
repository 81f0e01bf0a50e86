import { changePassword } from "@/lib/api/contracts/profile";
import { route } from "@/lib/api/route";
import * as profile from "@/lib/services/profile/change-password";

export const POST = route(changePassword, ({ ctx, body }) => profile.changePassword(ctx, body));
