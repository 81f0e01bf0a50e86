import { removeAvatar, uploadAvatar } from "@/lib/api/contracts/profile";
import { route } from "@/lib/api/route";
import * as avatar from "@/lib/services/profile/avatar";

export const POST = route(uploadAvatar, ({ ctx, form }) => avatar.uploadAvatar(ctx, form));
export const DELETE = route(removeAvatar, ({ ctx }) => avatar.removeAvatar(ctx));
