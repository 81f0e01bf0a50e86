import { clearFollowUp, setFollowUp } from "@/lib/api/contracts/conversations";
import { route } from "@/lib/api/route";
import * as followUp from "@/lib/services/conversations/follow-up";

export const POST = route(setFollowUp, ({ ctx, params, body }) => followUp.setFollowUp(ctx, params.id, body));
export const DELETE = route(clearFollowUp, ({ ctx, params }) => followUp.clearFollowUp(ctx, params.id));
