import { acceptInvitation } from "@/lib/api/contracts/invitations";
import { route } from "@/lib/api/route";
import { acceptInvitation as acceptInvitationService } from "@/lib/services/invitations/accept-invitation";

export const POST = route(acceptInvitation, ({ ctx, params, body }) => acceptInvitationService(ctx, params.token, body));
