import { revokeInvitation } from "@/lib/api/contracts/invitations";
import { route } from "@/lib/api/route";
import { revokeInvitation as revokeInvitationService } from "@/lib/services/invitations/revoke-invitation";

export const DELETE = route(revokeInvitation, ({ ctx, params }) => revokeInvitationService(ctx, params.id));
