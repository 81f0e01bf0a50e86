import { removeTeamMember, updateTeamMember } from "@/lib/api/contracts/teams";
import { route } from "@/lib/api/route";
import { removeTeamMember as removeService, updateTeamMember as updateService } from "@/lib/services/teams/members";

export const PATCH = route(updateTeamMember, ({ ctx, params, body }) => updateService(ctx, params.id, params.userId, body.role));
export const DELETE = route(removeTeamMember, ({ ctx, params }) => removeService(ctx, params.id, params.userId));
