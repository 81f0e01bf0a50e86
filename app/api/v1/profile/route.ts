import { getProfile, updateProfile } from "@/lib/api/contracts/profile";
import { route } from "@/lib/api/route";
import * as profile from "@/lib/services/profile/update-profile";

export const GET = route(getProfile, ({ ctx }) => profile.getProfile(ctx));
export const PATCH = route(updateProfile, ({ ctx, body }) => profile.updateProfile(ctx, body));
