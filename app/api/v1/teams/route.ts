import { createTeam, listTeams } from "@/lib/api/contracts/teams";
import { route } from "@/lib/api/route";
import { createTeam as createService, listTeams as listService } from "@/lib/services/teams/teams";

export const GET = route(listTeams, ({ ctx, query }) => listService(ctx, query));
export const POST = route(createTeam, ({ ctx, body }) => createService(ctx, body));
