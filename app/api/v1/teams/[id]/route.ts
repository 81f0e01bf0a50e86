import { deleteTeam, getTeam, updateTeam } from "@/lib/api/contracts/teams";
import { route } from "@/lib/api/route";
import { deactivateTeam, getTeam as getService, updateTeam as updateService } from "@/lib/services/teams/teams";

export const GET = route(getTeam, ({ ctx, params }) => getService(ctx, params.id));
export const PATCH = route(updateTeam, ({ ctx, params, body }) => updateService(ctx, params.id, body));
export const DELETE = route(deleteTeam, ({ ctx, params }) => deactivateTeam(ctx, params.id));
