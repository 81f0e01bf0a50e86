import { addTeamMember } from "@/lib/api/contracts/teams";
import { route } from "@/lib/api/route";
import { addTeamMember as addService } from "@/lib/services/teams/members";

export const POST = route(addTeamMember, ({ ctx, params, body }) => addService(ctx, params.id, body));
