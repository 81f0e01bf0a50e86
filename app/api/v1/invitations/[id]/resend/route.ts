import { resendInvitation } from "@/lib/api/contracts/invitations";
import { route } from "@/lib/api/route";
import { resendInvitation as resendInvitationService } from "@/lib/services/invitations/resend-invitation";

export const POST = route(resendInvitation, ({ ctx, params }) => resendInvitationService(ctx, params.id));
