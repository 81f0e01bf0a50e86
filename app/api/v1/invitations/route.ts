import { createInvitation, listInvitations } from "@/lib/api/contracts/invitations";
import { route } from "@/lib/api/route";
import { createInvitation as createInvitationService } from "@/lib/services/invitations/create-invitation";
import { listInvitations as listInvitationsService } from "@/lib/services/invitations/list-invitations";

export const GET = route(listInvitations, ({ ctx, query }) => listInvitationsService(ctx, query));
export const POST = route(createInvitation, ({ ctx, body }) => createInvitationService(ctx, body));
