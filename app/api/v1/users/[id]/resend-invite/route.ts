import { resendUserInvite } from "@/lib/api/contracts/users";
import { route } from "@/lib/api/route";
import { resendUserInvite as resendUserInviteService } from "@/lib/services/users/resend-user-invite";

export const POST = route(resendUserInvite, ({ ctx, params }) => resendUserInviteService(ctx, params.id));
