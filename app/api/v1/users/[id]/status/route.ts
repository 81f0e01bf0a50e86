import { setUserStatus } from "@/lib/api/contracts/users";
import { route } from "@/lib/api/route";
import { setUserStatus as setUserStatusService } from "@/lib/services/users/set-user-status";

export const PATCH = route(setUserStatus, ({ ctx, params, body }) => setUserStatusService(ctx, params.id, body.status));
