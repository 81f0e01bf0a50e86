import { invitationByToken } from "@/lib/api/contracts/invitations";
import { route } from "@/lib/api/route";
import { viewInvitation } from "@/lib/services/invitations/view-invitation";

export const GET = route(invitationByToken, ({ ctx, params }) => viewInvitation(ctx, params.token));
