import { setWritingAssist } from "@/lib/api/contracts/profile";
import { route } from "@/lib/api/route";
import * as profile from "@/lib/services/profile/update-profile";

export const PATCH = route(setWritingAssist, ({ ctx, body }) => profile.setWritingAssist(ctx, body));
