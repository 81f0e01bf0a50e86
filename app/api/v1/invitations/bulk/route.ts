import { bulkCreateInvitations } from "@/lib/api/contracts/invitations";
import { route } from "@/lib/api/route";
import { bulkCreateInvitations as bulkCreateInvitationsService } from "@/lib/services/invitations/create-invitation";

export const POST = route(bulkCreateInvitations, ({ ctx, body }) => bulkCreateInvitationsService(ctx, body));
